import type { ErrorCode } from "./error-codes";

/**
 * What every page action answers (`reply()` in `reply.server.ts` builds it; `useActionReply()`
 * reads it). Text is already in the user's language.
 */
export type ActionReplyBase = {
  ok: boolean;
  /** The form's `intent`, so a page with several forms knows whose answer this is. */
  intent: string | null;
  /** The failure's code (`error-codes.ts`); null on success and for field errors from parsing. */
  code: ErrorCode | null;
  /** The failure's message, or the first field error: what a form without that field shows. */
  error: string | null;
  /** Messages by field name; a failure that names no field sits under `_form`. */
  errors: Record<string, string> | null;
  /** What a success says (shown as a notice); null when the page says nothing. */
  notice: string | null;
  /**
   * Where a failure belongs: the control that posted `intent` (a 提交审核 button) and the fields it
   * names (`lines.2`, `lines.2.seconds`), each of which also finds the message in `errors`. The
   * page says it there, not in a banner at the top. Null on success.
   */
  target: ReplyTarget | null;
};

export type ReplyTarget = { intent: string | null; fields: string[] };

/** The shape plus what a success hands back (a job id, a token shown once). */
export type ActionReply<D extends object = object> = ActionReplyBase & Partial<D>;

export function isActionReply(value: unknown): value is ActionReply {
  return (
    typeof value === "object" &&
    value !== null &&
    "ok" in value &&
    "errors" in value &&
    "notice" in value &&
    typeof (value as { ok: unknown }).ok === "boolean"
  );
}
