import { Alert, Button, Stack } from "@mantine/core";
import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

/**
 * What an error boundary shows of a failure: the answer's status and message (a page's `message`
 * or an API's `error.message`), or 500 and a generic sentence for anything thrown by code.
 */
export function errorShown(error: unknown, t: TFunction): { status: number; message: string } {
  if (!isRouteErrorResponse(error)) return { status: 500, message: t("boundary.server") };
  return {
    status: error.status,
    message: String(error.data?.message ?? error.data?.error?.message ?? error.statusText),
  };
}

/** Per-route error boundary: the failure is shown inside the shell, next to the navigation. */
export function RouteError() {
  const { t } = useTranslation();
  const { status, message } = errorShown(useRouteError(), t);
  return (
    <Stack maw={560}>
      <Alert
        color={status === 403 ? "orange" : "red"}
        title={
          status === 403
            ? t("boundary.forbidden")
            : status === 404
              ? t("boundary.notFound")
              : t("boundary.other", { status })
        }
        data-testid="error-message"
      >
        {message}
      </Alert>
      <Button component={Link} to="/" variant="light" w="fit-content">
        {t("boundary.backToDashboard")}
      </Button>
    </Stack>
  );
}
