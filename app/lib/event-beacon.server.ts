import { json } from "@remix-run/node";
import { MAX_EVENTS_BODY_BYTES } from "~/modules/tracking/event-types";
import { ingestEvents } from "~/modules/tracking/ingest-events.server";
import { apiError } from "./auth.server";
import { failureResponse } from "./forms.server";
import { createRateLimiter, type RateLimiter } from "./rate-limit.server";
import { mediaType, readBodyBytes } from "./request-guard.server";
import { getStudio } from "./studio.server";

/**
 * A page sends a beacon every few seconds at most; the default 240 a minute lets a busy NAT
 * through (EVENT_RATE_LIMIT). Made on first use, from the studio's config.
 */
let limiter: RateLimiter | undefined;

/**
 * POST /api/v1/events, for the route and for the server's fast path (scripts/start.mjs answers
 * beacons before the Remix router, which was most of a beacon's cost). Public: the landing pages'
 * beacons, no sign-in, no cookie. `text/plain` because that is what `navigator.sendBeacon` sends
 * without a CORS preflight; JSON for scripts.
 */
export async function answerEventBeacon(request: Request, ip: string): Promise<Response> {
  limiter ??= createRateLimiter({ limit: getStudio().config.eventRateLimit, windowMs: 60_000 });
  if (!limiter.take(ip)) {
    const seconds = limiter.retryAfterSeconds(ip);
    const refusal = apiError(request, 429, "rate_limited", `请求太频繁，请 ${seconds} 秒后再试。`, {
      params: { seconds },
    });
    refusal.headers.set("Retry-After", String(seconds));
    return refusal;
  }
  const type = mediaType(request);
  if (type !== "text/plain" && type !== "application/json")
    return apiError(
      request,
      415,
      "unsupported_media_type",
      "请求体必须是 JSON（Content-Type: application/json）。",
      {
        params: { context: "json" },
      },
    );
  const text = new TextDecoder().decode(await readBodyBytes(request, MAX_EVENTS_BODY_BYTES));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return apiError(request, 400, "invalid_json", "请求体不是有效的 JSON。");
  }
  const { db, now, config } = getStudio();
  const result = await ingestEvents({
    db,
    body,
    ip,
    userAgent: request.headers.get("User-Agent"),
    now: now(),
    timeZone: config.timeZone,
  });
  if (!result.ok) return failureResponse(request, result);
  const { accepted, duplicates, ignored } = result;
  return json({ accepted, duplicates, ...(ignored ? { ignored } : {}) }, { status: 202 });
}
