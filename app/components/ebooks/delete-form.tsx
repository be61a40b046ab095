import { IconTrash } from "@tabler/icons-react";
import { IntentForm } from "~/components/intent-form";
import { confirmFirst, TooltipIcon } from "~/components/tooltip-icon";

/** A small trash button that posts one delete intent for one id, optionally after a confirm. */
export function DeleteForm({
  intent,
  field,
  id,
  label,
  iconSize = 14,
  confirmText,
}: {
  intent: string;
  field: string;
  id: number;
  label: string;
  iconSize?: number;
  confirmText?: string;
}) {
  return (
    <IntentForm
      intent={intent}
      fields={{ [field]: id }}
      style={{ display: "inline" }}
      onSubmit={confirmText ? confirmFirst(confirmText) : undefined}
    >
      <TooltipIcon type="submit" color="red" size="sm" label={label}>
        <IconTrash size={iconSize} />
      </TooltipIcon>
    </IntentForm>
  );
}
