import { Text, type TextProps } from "@mantine/core";
import { Form, type FormProps } from "@remix-run/react";
import { useTargetError } from "./use-action-reply";

type HiddenValue = string | number;

/**
 * What refused an intent, said right where the user acted (under its button), in red; nothing
 * while there is no refusal. The page leaves it out of its banner at the top.
 */
export function IntentError({ intent, ...props }: { intent: string } & Omit<TextProps, "children">) {
  const { error } = useTargetError(intent);
  if (!error) return null;
  return (
    <Text c="red" size="sm" mt={4} role="alert" data-testid={`${intent}-error`} {...props}>
      {error}
    </Text>
  );
}

/**
 * A form posting one intent to the page's action, with its hidden fields: `fields={{ assetId: 3 }}`,
 * or a list for a field sent several times (`{ chapterIds: [4, 5] }`). With `showError`, a
 * refusal of the intent is said under the form's button (`IntentError`).
 */
export function IntentForm({
  intent,
  fields,
  showError = false,
  children,
  ...props
}: {
  intent: string;
  fields?: Record<string, HiddenValue | readonly HiddenValue[]>;
  showError?: boolean;
} & Omit<FormProps, "method">) {
  return (
    <Form method="post" {...props}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields ?? {}).flatMap(([name, value]) =>
        ([] as HiddenValue[])
          .concat(value)
          .map((v, i) => <input key={`${name}.${i}`} type="hidden" name={name} value={v} />),
      )}
      {children}
      {showError ? <IntentError intent={intent} /> : null}
    </Form>
  );
}
