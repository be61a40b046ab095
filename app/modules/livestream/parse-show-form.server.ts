import { fieldErrors, formDataToObject, type FieldErrors } from "~/lib/forms.server";
import { SHOW_FORM_ARRAYS, showInputSchema, unflattenFields, type ShowInput } from "./show-input";

/** The builder posts flat fields (`products.0.name`); the same schema as the API parses them. */
export function parseShowForm(
  formData: FormData,
  timeZone: string,
): { ok: true; data: ShowInput } | { ok: false; errors: FieldErrors } {
  const fields = unflattenFields(formDataToObject(formData), SHOW_FORM_ARRAYS);
  if (!fields.ok) return fields;
  const parsed = showInputSchema(timeZone).safeParse(fields.value);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}
