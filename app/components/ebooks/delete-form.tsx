import { Form } from "@remix-run/react";
import { IconTrash } from "@tabler/icons-react";
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
    <Form
      method="post"
      style={{ display: "inline" }}
      onSubmit={confirmText ? confirmFirst(confirmText) : undefined}
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={field} value={id} />
      <TooltipIcon type="submit" color="red" size="sm" label={label}>
        <IconTrash size={iconSize} />
      </TooltipIcon>
    </Form>
  );
}
