import { useTranslation } from "react-i18next";
import { ConfirmModal } from "~/components/shared/confirm-modal";
import { useIntentAction } from "~/components/shared/use-intent-action";

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
  const { fetcher, answer } = useIntentAction(intent, onClose);
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      fetcher={fetcher}
      action="?index"
      intent={intent}
      fields={fields}
      title={title}
      body={body}
      error={answer.error}
      cancelLabel={t("terms.form.cancel")}
      confirmLabel={confirmLabel}
      color={color}
      testId={`confirm-${intent}`}
    />
  );
}
