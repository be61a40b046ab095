import { Alert, Button, Stack } from "@mantine/core";
import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";

/** Per-route error boundary: the failure is shown inside the shell, next to the navigation. */
export function RouteError() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? (error.data?.message ?? error.data?.error?.message ?? error.statusText)
    : "服务器出错了，请稍后再试。";
  return (
    <Stack maw={560}>
      <Alert
        color={status === 403 ? "orange" : "red"}
        title={status === 403 ? "无权访问（403）" : status === 404 ? "未找到（404）" : `出错了（${status}）`}
        data-testid="error-message"
      >
        {String(message)}
      </Alert>
      <Button component={Link} to="/" variant="light" w="fit-content">
        返回工作台
      </Button>
    </Stack>
  );
}
