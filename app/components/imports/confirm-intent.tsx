import { Button, type ButtonProps } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmModal } from "~/components/shared/confirm-modal";

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
  const close = () => setOpened(false);
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
      <ConfirmModal
        opened={opened}
        onClose={close}
        action={action}
        intent={intent}
        fields={fields}
        title={title}
        body={body}
        cancelLabel={t("imports.cancel")}
        confirmLabel={confirmLabel}
        color={color}
        confirmTestId={`${testId ?? intent}-confirm`}
      />
    </>
  );
}
