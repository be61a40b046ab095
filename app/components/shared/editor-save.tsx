import { Alert, Button, Text } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * What a save answered, above an editor's fields: the success notice in green, or the refusal in
 * red with a hint on what to do when someone else saved first (the version check).
 */
export function SaveReplyAlerts({
  notice,
  error,
  staleHint,
  errorTestId,
}: {
  notice: string | null | undefined;
  error: string | null | undefined;
  staleHint: ReactNode;
  errorTestId: string;
}) {
  return (
    <>
      {notice ? <Alert color="green">{notice}</Alert> : null}
      {error ? (
        <Alert color="red" data-testid={errorTestId}>
          {error}
          <Text size="xs">{staleHint}</Text>
        </Alert>
      ) : null}
    </>
  );
}

/**
 * An editor's save button for those who may edit; for the others, why the fields are read-only
 * (when the page does not already say so elsewhere).
 */
export function SaveButton({
  canEdit,
  busy,
  label,
  readOnlyText,
  testId,
}: {
  canEdit: boolean;
  busy: boolean;
  label: ReactNode;
  readOnlyText?: ReactNode;
  testId: string;
}) {
  if (!canEdit)
    return readOnlyText === undefined ? null : (
      <Text size="sm" c="dimmed">
        {readOnlyText}
      </Text>
    );
  return (
    <Button type="submit" w="fit-content" loading={busy} data-testid={testId}>
      {label}
    </Button>
  );
}
