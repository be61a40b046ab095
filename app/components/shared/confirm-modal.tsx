import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { FetcherWithComponents } from "@remix-run/react";

/**
 * The studio's yes-or-no dialog that posts one intent through a fetcher: the question, the
 * refusal if the server gave one (the dialog stays open), cancel and confirm. Who opens it and
 * what a success does stay with the caller.
 */
export function ConfirmModal({
  opened,
  onClose,
  fetcher,
  action,
  intent,
  fields,
  title,
  body,
  error,
  cancelLabel,
  confirmLabel,
  color,
  testId,
  confirmTestId,
}: {
  opened: boolean;
  onClose(): void;
  fetcher: FetcherWithComponents<unknown>;
  action?: string;
  intent: string;
  fields: Record<string, string | number>;
  title: string;
  body: string;
  error: string | null | undefined;
  cancelLabel: string;
  confirmLabel: string;
  color: string;
  testId?: string;
  confirmTestId?: string;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered data-testid={testId}>
      <fetcher.Form method="post" action={action}>
        <input type="hidden" name="intent" value={intent} />
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Stack>
          <Text size="sm">{body}</Text>
          {error ? (
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {cancelLabel}
            </Button>
            <Button
              type="submit"
              color={color}
              loading={fetcher.state !== "idle"}
              data-testid={confirmTestId}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </fetcher.Form>
    </Modal>
  );
}
