import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, postOnly } from "~/lib/auth.server";
import { failureResponse } from "~/lib/forms.server";
import { createRateLimiter } from "~/lib/rate-limit.server";
import { clientAddress, mediaType, readBodyBytes } from "~/lib/request-guard.server";
import { getStudio } from "~/lib/studio.server";
import { MAX_EVENTS_BODY_BYTES } from "~/modules/tracking/event-types";
import { ingestEvents } from "~/modules/tracking/ingest-events.server";

/** A page sends a beacon every few seconds at most; 240 a minute lets a busy NAT through. */
const limiter = createRateLimiter({ limit: 240, windowMs: 60_000 });

export async function loader({ request }: LoaderFunctionArgs) {
  throw postOnly(request);
}

/**
 * Public: the landing pages' beacons (no sign-in, no cookie). `text/plain` because that is what
 * `navigator.sendBeacon` sends without a CORS preflight; JSON for scripts.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") throw postOnly(request);
  const ip = clientAddress(request, context as { clientIp?: string });
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
      "请求体必须是 JSON（text/plain 或 application/json）。",
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
