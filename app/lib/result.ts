/** Expected failures are values: the route turns them into a field message or an HTTP status. */
export type Failure = {
  ok: false;
  /** 400 bad input, 403 refused, 404 unknown, 409 conflict (stale or wrong state). */
  status: 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429;
  code: string;
  message: string;
  field?: string;
};
export type Success<T> = { ok: true } & T;
export type Result<T = object> = Success<T> | Failure;

export function fail(status: Failure["status"], code: string, message: string, field?: string): Failure {
  return { ok: false, status, code, message, ...(field ? { field } : {}) };
}
