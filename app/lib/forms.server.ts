import { json } from "@remix-run/node";
import { z } from "zod";
import { requestLanguage } from "~/i18n/i18n";
import { apiError } from "./auth.server";
import { errorMessage, type CodedMessage } from "./error-message";
import {
  MAX_BODY_BYTES,
  MAX_FORM_FIELDS,
  mediaType,
  readBodyBytes,
  tooManyFields,
} from "./request-guard.server";
import type { Failure } from "./result";

export type FieldErrors = Record<string, string>;

const UNSUPPORTED_FORM = "表单格式不受支持。";
const UNPARSABLE_FORM = "表单无法解析。";

/** A body a page cannot read, shaped like the other page refusals, in the page's language. */
function formRefusal(request: Request, status: number, failure: CodedMessage) {
  const message = errorMessage(failure, requestLanguage(request));
  return json({ message, errors: { _form: message } }, { status });
}

/** zod issues as one message per field path ("products.5"), for forms and API answers alike. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * A form as a plain object; a repeated key becomes an array of its values, in order. Linear in
 * the number of fields, and refuses (413) more than MAX_FORM_FIELDS of them.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const fields = new Map<string, string | string[]>();
  let count = 0;
  for (const [key, value] of formData.entries()) {
    if (++count > MAX_FORM_FIELDS) throw tooManyFields();
    if (typeof value !== "string") continue;
    const seen = fields.get(key);
    if (seen === undefined) fields.set(key, value);
    else if (Array.isArray(seen)) seen.push(value);
    else fields.set(key, [seen, value]);
  }
  // fromEntries defines own properties: a field named "__proto__" stays a plain field.
  return Object.fromEntries(fields);
}

/**
 * Reads a form body with the studio's caps: at most MAX_BODY_BYTES (multipart included: routes
 * that take uploads stream them with their own parser) and MAX_FORM_FIELDS fields. Throws 413.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = mediaType(request);
  if (type && type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") {
    throw formRefusal(request, 415, {
      code: "unsupported_media_type",
      message: UNSUPPORTED_FORM,
      params: { context: "form" },
    });
  }
  const bytes = await readBodyBytes(request, MAX_BODY_BYTES);
  if (type !== "multipart/form-data") {
    // Count separators before parsing, so a body of many tiny fields costs one pass.
    let fieldCount = bytes.length > 0 ? 1 : 0;
    for (const byte of bytes) if (byte === 0x26 /* & */ && ++fieldCount > MAX_FORM_FIELDS) break;
    if (fieldCount > MAX_FORM_FIELDS) throw tooManyFields(request);
    const form = new FormData();
    for (const [key, value] of new URLSearchParams(new TextDecoder().decode(bytes))) form.append(key, value);
    return form;
  }
  let form: FormData;
  try {
    form = await new Response(bytes, {
      headers: { "Content-Type": request.headers.get("Content-Type")! },
    }).formData();
  } catch {
    throw formRefusal(request, 400, {
      code: "invalid_body",
      message: UNPARSABLE_FORM,
      params: { context: "form" },
    });
  }
  let count = 0;
  for (const _entry of form.keys()) if (++count > MAX_FORM_FIELDS) throw tooManyFields(request);
  return form;
}

/** Parses a form against its schema; on failure the caller returns `errors` to the form. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(formDataToObject(formData));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}

function isJsonType(type: string | null): boolean {
  return type === "application/json" || (type !== null && /^application\/[\w.+-]+\+json$/.test(type));
}

/**
 * Parses a JSON API body. It must say `Content-Type: application/json` (415 otherwise: a
 * cross-site `text/plain` form cannot reach the API) and fit MAX_BODY_BYTES (413); a bad body
 * becomes a thrown 400 naming the first failing field. With `empty`, a request without a body
 * (or an empty one) stands for that value.
 */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { empty?: unknown } = {},
): Promise<z.infer<S>> {
  const allowEmpty = options.empty !== undefined;
  let text: string | null = null;
  if (allowEmpty && (!request.body || request.headers.get("Content-Length") === "0")) text = "";
  else if (!isJsonType(mediaType(request))) {
    throw apiError(
      request,
      415,
      "unsupported_media_type",
      "请求体必须是 JSON（Content-Type: application/json）。",
      {
        params: { context: "json" },
      },
    );
  }
  text ??= new TextDecoder().decode(await readBodyBytes(request, MAX_BODY_BYTES));
  let body: unknown;
  if (allowEmpty && !text.trim()) body = options.empty;
  else {
    try {
      body = JSON.parse(text);
    } catch {
      throw apiError(request, 400, "invalid_json", "请求体不是有效的 JSON。");
    }
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const [field, message] = Object.entries(fieldErrors(parsed.error))[0] ?? ["_body", "请求体无效"];
    throw apiError(request, 400, "invalid_body", `${field}: ${message}`, {
      field,
      params: { field, detail: message },
    });
  }
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const [field, message] = Object.entries(fieldErrors(parsed.error))[0] ?? ["_query", "查询参数无效"];
    throw apiError(request, 400, "invalid_query", `${field}: ${message}`, {
      field,
      params: { field, detail: message },
    });
  }
  return parsed.data;
}

/** A module's expected failure as an API answer, in the request's language. */
export function failureResponse(request: Request, failure: Failure): Response {
  return apiError(request, failure.status, failure.code, failure.message, {
    field: failure.field,
    params: failure.params,
  });
}

/**
 * A page's or resource's 404 for a missing thing, as `errors.not_found_<context>` in the request's
 * language (the error boundary shows the answer's message).
 */
export function notFound(request: Request, context: string): Response {
  return apiError(request, 404, "not_found", "未找到。", { params: { context } });
}

/**
 * A route parameter as a positive integer id, else a 404: `notFound(request, context)` in the
 * reader's language when the page names what is missing, else the generic Chinese answer.
 */
export function parseId(value: string | undefined, missing?: { request: Request; context: string }): number {
  const id = Number(value);
  if (Number.isInteger(id) && id > 0) return id;
  throw missing ? notFound(missing.request, missing.context) : apiError(404, "not_found", "未找到。");
}
