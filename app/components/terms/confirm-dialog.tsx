import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useTermAction } from "./use-term-action";

/**
 * A yes-or-no question that posts one intent of the terms page (delete a term, restore a
 * version): the refusal, if any, is shown in the dialog; a success closes it.
 */
export function ConfirmDialog({
  opened,
  intent,
  fields,
  title,
  body,
  confirmLabel,
  color,
  onClose,
}: {
  opened: boolean;
  intent: string;
  fields: Record<string, string | number>;
  title: string;
  body: string;
  confirmLabel: string;
  color: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { fetcher, answer, busy } = useTermAction(intent, onClose);
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered data-testid={`confirm-${intent}`}>
      <fetcher.Form method="post" action="?index">
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
              {t("terms.form.cancel")}
            </Button>
            <Button type="submit" color={color} loading={busy}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </fetcher.Form>
    </Modal>
  );
}
