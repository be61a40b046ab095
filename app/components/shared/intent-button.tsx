import { Button, type ButtonProps } from "@mantine/core";
import type { ComponentProps, ReactNode } from "react";
import { IntentForm } from "~/components/intent-form";

/**
 * One button that posts one intent with its hidden fields (revoke this token, reset this
 * password): a form of its own, so each row's button acts on its own row.
 */
export function IntentButton({
  intent,
  fields,
  children,
  ...buttonProps
}: {
  intent: string;
  fields?: ComponentProps<typeof IntentForm>["fields"];
  children: ReactNode;
} & Omit<ButtonProps, "children"> & { "data-testid"?: string }) {
  return (
    <IntentForm intent={intent} fields={fields}>
      <Button type="submit" {...buttonProps}>
        {children}
      </Button>
    </IntentForm>
  );
}
