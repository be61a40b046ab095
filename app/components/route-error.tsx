import { Alert, Button, Stack } from "@mantine/core";
import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Per-route error boundary: the failure is shown inside the shell, next to the navigation. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? (error.data?.message ?? error.data?.error?.message ?? error.statusText)
    : t("boundary.server");
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
        {String(message)}
      </Alert>
      <Button component={Link} to="/" variant="light" w="fit-content">
        {t("boundary.backToDashboard")}
      </Button>
    </Stack>
  );
}
