import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useIntentAction } from "./use-intent-action";

/**
 * The studio's yes-or-no dialog that posts one intent through its own fetcher: the question, the
 * refusal if the server gave one (the dialog stays open), cancel and confirm. A success shows the
 * server's notice and closes it; who opens it stays with the caller.
 */
export function ConfirmModal({
  opened,
  onClose,
  action,
  intent,
  fields,
  title,
  body,
  cancelLabel,
  confirmLabel,
  color,
  testId,
  confirmTestId,
}: {
  opened: boolean;
  onClose(): void;
  action?: string;
  intent: string;
  fields: Record<string, string | number>;
  title: string;
  body: string;
  cancelLabel: string;
  confirmLabel: string;
  color: string;
  testId?: string;
  confirmTestId?: string;
}) {
  const { fetcher, answer, busy } = useIntentAction(intent, onClose);
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered data-testid={testId}>
      <fetcher.Form method="post" action={action}>
        <input type="hidden" name="intent" value={intent} />
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Stack>
          <Text size="sm">{body}</Text>
          {answer.error ? (
            <Text size="sm" c="red" role="alert">
              {answer.error}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {cancelLabel}
            </Button>
            <Button type="submit" color={color} loading={busy} data-testid={confirmTestId}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </fetcher.Form>
    </Modal>
  );
}
