import { ActionIcon, Tooltip } from "@mantine/core";
import { Form } from "@remix-run/react";
import { IconTrash } from "@tabler/icons-react";

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
      onSubmit={(e) => {
        if (confirmText && !window.confirm(confirmText)) e.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={field} value={id} />
      <Tooltip label={label}>
        <ActionIcon type="submit" variant="subtle" color="red" size="sm" aria-label={label}>
          <IconTrash size={iconSize} />
        </ActionIcon>
      </Tooltip>
    </Form>
  );
}
