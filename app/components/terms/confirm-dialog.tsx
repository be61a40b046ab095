import { useTranslation } from "react-i18next";
import { ConfirmModal } from "~/components/shared/confirm-modal";

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
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      action="?index"
      intent={intent}
      fields={fields}
      title={title}
      body={body}
      cancelLabel={t("terms.form.cancel")}
      confirmLabel={confirmLabel}
      color={color}
      testId={`confirm-${intent}`}
    />
  );
}
