import { apiError } from "./auth.server";
import type { z } from "zod";
import type { RateLimiter } from "./rate-limit.server";
import { mediaType, readBodyBytes } from "./request-guard.server";

/**
 * Counts one request of a public endpoint against its per-address limit; past the limit, throws
 * 429 with Retry-After, in the request's language, before anything is read or looked up. The
 * request may be given as a function that makes it: the server's event-beacon fast path has no
 * Fetch Request and makes one only to word a refusal.
 */
export function takeOrRefuse(
  request: Request | (() => Request),
  options: { ip: string; limiter: RateLimiter },
): void {
  if (options.limiter.take(options.ip)) return;
  const seconds = options.limiter.retryAfterSeconds(options.ip);
  const asked = typeof request === "function" ? request() : request;
  const refusal = apiError(asked, 429, "rate_limited", `请求太频繁，请 ${seconds} 秒后再试。`, {
    params: { seconds },
  });
  refusal.headers.set("Retry-After", String(seconds));
  throw refusal;
}

/**
 * The body of a public form post (the lead form, a deletion request): JSON or url-encoded, at most
 * `maxBytes`, behind a per-address rate limit. Throws the 413/415/400/429 answer, in the request's
 * language.
 */
export async function readPublicForm(
  request: Request,
  options: { ip: string; limiter: RateLimiter; maxBytes: number },
): Promise<unknown> {
  takeOrRefuse(request, options);
  const type = mediaType(request);
  const text = new TextDecoder().decode(await readBodyBytes(request, options.maxBytes));
  if (type === "application/json" || type === "text/plain") {
    try {
      return JSON.parse(text);
    } catch {
      throw apiError(request, 400, "invalid_json", "请求体不是有效的 JSON。");
    }
  }
  if (type === "application/x-www-form-urlencoded") return Object.fromEntries(new URLSearchParams(text));
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

/** The body checked against its schema; a bad one throws 400 naming the first failing field. */
export function checkPublicForm<S extends z.ZodType>(request: Request, schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || "_body";
  const detail = issue?.message ?? "请求体无效";
  throw apiError(request, 400, "invalid_body", `${field}: ${detail}`, { field, params: { field, detail } });
}
