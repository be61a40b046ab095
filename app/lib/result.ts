import type { ErrorCode, ErrorParams } from "./error-codes";

export type { ErrorCode, ErrorParams } from "./error-codes";

/** Expected failures are values: the route turns them into a field message or an HTTP status. */
export type Failure = {
  ok: false;
  /** 400 bad input, 403 refused, 404 unknown, 409 conflict (stale or wrong state). */
  status: 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429;
  /** What went wrong, from the closed list in `error-codes.ts`; screens and the API translate it. */
  code: ErrorCode;
  /** The module's own (Chinese) text: written to logs, and shown when a code has no translation. */
  message: string;
  field?: string;
  /** More fields the message also belongs to (the script lines that overrun): shown at each of them. */
  anchors?: string[];
  /** Values the translation of `code` interpolates, and its i18next context. */
  params?: ErrorParams;
};
export type Success<T> = { ok: true } & T;
export type Result<T = object> = Success<T> | Failure;

/**
 * `fail(409, "stale", "…", { params: { yours: 3, current: 4 } })`; a bare string as the fourth
 * argument names the field, as before.
 */
export function fail(
  status: Failure["status"],
  code: ErrorCode,
  message: string,
  detail?: string | { field?: string; anchors?: string[]; params?: ErrorParams },
): Failure {
  const { field, anchors, params } =
    typeof detail === "string" ? { field: detail, anchors: undefined, params: undefined } : (detail ?? {});
  return {
    ok: false,
    status,
    code,
    message,
    ...(field ? { field } : {}),
    ...(anchors?.length ? { anchors } : {}),
    ...(params ? { params } : {}),
  };
}
