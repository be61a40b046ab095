import { useActionData } from "@remix-run/react";
import { isActionReply, type ActionReply, type ReplyTarget } from "~/lib/action-reply";

export type ActionReplyView<D extends object> = {
  /** The reply meant for this form, or null (none yet, or another form's). */
  reply: ActionReply<D> | null;
  /** A success notice to show (already in the user's language). */
  notice: string | null;
  /** The failure's message, or the first field error: for forms with no field to put it on. */
  error: string | null;
  /** A failure that names no field (`_form`). */
  formError: string | null;
  /** Messages by field name; empty when none. */
  fieldErrors: Record<string, string>;
  fieldError(name: string): string | undefined;
  /** Where the failure belongs (the control that posted it, the fields it names); null otherwise. */
  target: ReplyTarget | null;
};

const NO_ERRORS: Record<string, string> = {};

/**
 * Reads a page action's answer (`reply()` on the server) for one form: the route's action data,
 * or a fetcher's when the form posts through one. `intent` keeps a form from showing another
 * form's answer on a page with several.
 */
export function useActionReply<D extends object = object>(
  options: { intent?: string | readonly string[]; fetcher?: { data?: unknown } } = {},
): ActionReplyView<D> {
  const actionData = useActionData();
  const data = options.fetcher ? options.fetcher.data : actionData;
  const intents = options.intent === undefined ? null : ([] as string[]).concat(options.intent);
  const reply =
    isActionReply(data) && (intents === null || (data.intent !== null && intents.includes(data.intent)))
      ? (data as ActionReply<D>)
      : null;
  const fieldErrors = reply?.errors ?? NO_ERRORS;
  return {
    reply,
    notice: reply?.ok ? reply.notice : null,
    error: reply && !reply.ok ? reply.error : null,
    formError: fieldErrors._form ?? null,
    fieldErrors,
    fieldError: (name) => fieldErrors[name],
    target: reply && !reply.ok ? (reply.target ?? null) : null,
  };
}

/**
 * The refusal of one control or field, read where it is shown: `useTargetError("submit")` is what
 * the 提交审核 button says under itself; `useTargetError("submit").at("lines.2")` is what that
 * script line says. Null when the last answer was someone else's or a success.
 */
export function useTargetError(intent: string | readonly string[], fetcher?: { data?: unknown }) {
  const view = useActionReply({ intent, ...(fetcher ? { fetcher } : {}) });
  return {
    /** The message for the control that posted the intent. */
    error: view.error,
    /** The message for a field the failure names (`lines.2`, `fit`); undefined when it names another. */
    at: (field: string): string | undefined => view.fieldError(field),
  };
}
