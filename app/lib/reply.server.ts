import { json, type TypedResponse } from "@remix-run/node";
import { requestLanguage, translator } from "~/i18n/i18n";
import type { ActionReply } from "./action-reply";
import { errorMessage } from "./error-message";
import type { FieldErrors } from "./forms.server";
import type { Failure, Result } from "./result";

/** A form that did not parse (`parseForm`): messages by field. */
export type ParseFailure = { ok: false; errors: FieldErrors };

export type ReplyOptions<D extends object> = {
  /** The form's intent, echoed so a page with several forms can tell whose answer it is. */
  intent?: string | null;
  /** i18n key of what a success says, e.g. "ebooks.saved". */
  notice?: string;
  /** What a success hands back to the page besides the notice. */
  data?: D;
  /** HTTP status of a failed reply when the page keeps its historical one (200). */
  failureStatus?: number;
  headers?: HeadersInit;
};

/**
 * The one answer of a page action: a module's `Result` or a parse failure becomes field errors, a
 * form error or a success notice, in the language of the page that asked (`ActionReply`). A
 * failure's text comes from `errors.<code>`, the module's own message when there is none.
 */
export function reply<D extends object = object>(
  request: Request,
  outcome: Result<object> | ParseFailure,
  options: ReplyOptions<D> = {},
): TypedResponse<ActionReply<D>> {
  const intent = options.intent ?? null;
  const init = (status: number) => ({ status, ...(options.headers ? { headers: options.headers } : {}) });
  if (outcome.ok) {
    const notice = options.notice ? translator(requestLanguage(request))(options.notice) : null;
    const body = {
      ok: true,
      intent,
      code: null,
      error: null,
      errors: null,
      notice,
      target: null,
      ...options.data,
    };
    return json(body as ActionReply<D>, init(200));
  }
  if (!("code" in outcome)) {
    const body = {
      ok: false,
      intent,
      code: null,
      error: Object.values(outcome.errors)[0] ?? null,
      errors: outcome.errors,
      notice: null,
      target: { intent, fields: Object.keys(outcome.errors) },
    };
    return json(body as ActionReply<D>, init(options.failureStatus ?? 400));
  }
  const failure: Failure = outcome;
  const message = errorMessage(failure, requestLanguage(request));
  const fields = [...(failure.field ? [failure.field] : []), ...(failure.anchors ?? [])];
  const body = {
    ok: false,
    intent,
    code: failure.code,
    error: message,
    errors: Object.fromEntries((fields.length > 0 ? fields : ["_form"]).map((name) => [name, message])),
    notice: null,
    target: { intent, fields },
  };
  return json(body as ActionReply<D>, init(options.failureStatus ?? failure.status));
}
