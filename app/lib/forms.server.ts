import { z } from "zod";
import { apiError } from "./auth.server";
import type { Failure } from "./result";

export type FieldErrors = Record<string, string>;

/** zod issues as one message per field path ("products.5"), for forms and API answers alike. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], value);
    else out[key] = value;
  }
  return out;
}

/** Parses a form against its schema; on failure the caller returns `errors` to the form. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(formDataToObject(formData));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}

/** Parses a JSON API body; a bad body becomes a thrown 400 naming the first failing field. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw apiError(400, "invalid_json", "请求体不是有效的 JSON。");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const [field, message] = Object.entries(fieldErrors(parsed.error))[0] ?? ["_body", "请求体无效"];
    throw apiError(400, "invalid_body", `${field}: ${message}`, field);
  }
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const [field, message] = Object.entries(fieldErrors(parsed.error))[0] ?? ["_query", "查询参数无效"];
    throw apiError(400, "invalid_query", `${field}: ${message}`, field);
  }
  return parsed.data;
}

/** A module's expected failure as an API answer. */
export function failureResponse(failure: Failure) {
  return apiError(failure.status, failure.code, failure.message, failure.field);
}

export function parseId(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw apiError(404, "not_found", "未找到。");
  return id;
}
