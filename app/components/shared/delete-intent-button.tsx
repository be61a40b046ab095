import { Button } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { IntentForm } from "~/components/intent-form";
import { confirmFirst } from "~/components/tooltip-icon";

/**
 * A compact red trash button (its name in `label`, for screen readers) in a form posting one delete
 * intent with its fields, optionally after a confirm. `size` sets the button and its icon together.
 */
export function DeleteIntentButton({
  intent,
  fields,
  label,
  size = "xs",
  confirmText,
}: {
  intent: string;
  fields: Record<string, string | number>;
  label: string;
  size?: "xs" | "sm";
  confirmText?: string;
}) {
  return (
    <IntentForm intent={intent} fields={fields}>
      <Button
        type="submit"
        size={`compact-${size}`}
        variant="subtle"
        color="red"
        aria-label={label}
        onClick={confirmText ? confirmFirst(confirmText) : undefined}
      >
        <IconTrash size={size === "xs" ? 12 : 14} />
      </Button>
    </IntentForm>
  );
}
