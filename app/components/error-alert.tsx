import { Alert, type AlertProps } from "@mantine/core";
import type { ReactNode } from "react";

/** A refusal said in red above a form or a page; nothing at all while there is none. */
export function ErrorAlert({
  error,
  ...props
}: { error: ReactNode } & Omit<AlertProps, "color" | "children">) {
  if (!error) return null;
  return (
    <Alert color="red" {...props}>
      {error}
    </Alert>
  );
}
