import { Group, TextInput, type GroupProps, type TextInputProps } from "@mantine/core";
import type { ReactNode } from "react";
import { IntentForm } from "./intent-form";

/**
 * A one-line form that adds something by its title: a required `title` field labelled `label`
 * and the given submit button, posting `intent` with its hidden `fields`.
 */
export function AddByTitleForm({
  intent,
  fields,
  label,
  button,
  groupProps,
  ...inputProps
}: {
  intent: string;
  fields?: Record<string, string | number>;
  label: string;
  button: ReactNode;
  groupProps?: GroupProps;
} & Omit<TextInputProps, "name" | "label">) {
  return (
    <IntentForm intent={intent} fields={fields}>
      <Group gap="xs" wrap="nowrap" align="start" {...groupProps}>
        <TextInput
          name="title"
          placeholder={label}
          aria-label={label}
          required
          style={{ flex: 1 }}
          {...inputProps}
        />
        {button}
      </Group>
    </IntentForm>
  );
}
