import { Button, Group, Modal, Stack, Text, type ButtonProps } from "@mantine/core";
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNotify } from "~/components/calendar/notices";
import { useActionReply } from "~/components/use-action-reply";

/**
 * A button that asks first, then posts one intent of the page (undo an import, discard a preview,
 * delete an alias): a refusal stays in the dialog, a success closes it with the server's notice.
 */
export function ConfirmIntent({
  intent,
  fields,
  action,
  label,
  title,
  body,
  confirmLabel,
  color = "red",
  buttonProps,
  testId,
}: {
  intent: string;
  fields: Record<string, string | number>;
  /** The route to post to, when not the current one. */
  action?: string;
  label: string;
  title: string;
  body: string;
  confirmLabel: string;
  color?: string;
  buttonProps?: ButtonProps;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const fetcher = useFetcher();
  const answer = useActionReply({ fetcher, intent });
  const notify = useNotify();
  useEffect(() => {
    if (fetcher.state !== "idle" || !answer.reply?.ok) return;
    if (answer.notice) notify({ color: "green", message: answer.notice });
    setOpened(false);
    // Only a new answer matters, not a re-render with the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, answer.reply]);
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color={color}
        onClick={() => setOpened(true)}
        data-testid={testId}
        {...buttonProps}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={title} centered>
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
              <Button variant="default" onClick={() => setOpened(false)}>
                {t("imports.cancel")}
              </Button>
              <Button
                type="submit"
                color={color}
                loading={fetcher.state !== "idle"}
                data-testid={`${testId ?? intent}-confirm`}
              >
                {confirmLabel}
              </Button>
            </Group>
          </Stack>
        </fetcher.Form>
      </Modal>
    </>
  );
}
