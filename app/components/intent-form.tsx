import { Form, type FormProps } from "@remix-run/react";

type HiddenValue = string | number;

/**
 * A form posting one intent to the page's action, with its hidden fields: `fields={{ assetId: 3 }}`,
 * or a list for a field sent several times (`{ chapterIds: [4, 5] }`).
 */
export function IntentForm({
  intent,
  fields,
  children,
  ...props
}: {
  intent: string;
  fields?: Record<string, HiddenValue | readonly HiddenValue[]>;
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
    </Form>
  );
}
