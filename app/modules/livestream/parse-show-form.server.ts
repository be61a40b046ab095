import { fieldErrors, formDataToObject, type FieldErrors } from "~/lib/forms.server";
import { showInputSchema, unflattenFields, type ShowInput } from "./show-input";

/** The builder posts flat fields (`products.0.name`); the same schema as the API parses them. */
export function parseShowForm(
  formData: FormData,
): { ok: true; data: ShowInput } | { ok: false; errors: FieldErrors } {
  const parsed = showInputSchema.safeParse(unflattenFields(formDataToObject(formData)));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}
