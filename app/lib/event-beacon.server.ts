import { json } from "@remix-run/node";
import { MAX_EVENTS_BODY_BYTES } from "~/modules/tracking/event-types";
import { ingestEvents } from "~/modules/tracking/ingest-events.server";
import { apiError } from "./auth.server";
import { failureResponse } from "./forms.server";
import { takeOrRefuse } from "./public-form.server";
import { createRateLimiter, type RateLimiter } from "./rate-limit.server";
import { clientAddress, payloadTooLarge, readBodyBytes } from "./request-guard.server";
import { getStudio } from "./studio.server";

/**
 * A page sends a beacon every few seconds at most; the default 240 a minute lets a busy NAT
 * through (EVENT_RATE_LIMIT). Made on first use, from the studio's config.
 */
let limiter: RateLimiter | undefined;
const utf8 = new TextDecoder();

/**
 * What answering a beacon needs of its request, whether it came as a Fetch Request (the route) or
 * straight from node:http (the server's fast path, which makes no Request for an accepted beacon).
 */
interface Beacon {
  ip: string;
  /** The Content-Type header, whole. */
  contentType: string | null;
  userAgent: string | null;
  /** The body, at most MAX_EVENTS_BODY_BYTES; null when it is bigger. */
  readBody(): Promise<Uint8Array | null>;
  /** The request as a Fetch Request: made only to word a refusal in the request's language. */
  request(): Request;
}

type Accepted = { accepted: number; duplicates: number; ignored?: number };

/**
 * POST /api/v1/events, one implementation for the route and for the server's fast path: per-address
 * rate limit (429, before anything is read), media type (415), body cap (413), JSON (400), then
 * ingestEvents (validation, published page, bots, visitor hash, group commit). An accepted beacon
 * is the 202 body; every refusal is the API's error Response, in the request's language.
 */
async function answer(beacon: Beacon): Promise<Accepted | Response> {
  limiter ??= createRateLimiter({ limit: getStudio().config.eventRateLimit, windowMs: 60_000 });
  try {
    takeOrRefuse(beacon.request, { ip: beacon.ip, limiter });
  } catch (refusal) {
    if (refusal instanceof Response) return refusal;
    throw refusal;
  }
  // The media type without parameters (`text/plain;charset=UTF-8` is what sendBeacon sends).
  const type = beacon.contentType?.split(";")[0]!.trim().toLowerCase() ?? null;
  if (type !== "text/plain" && type !== "application/json")
    return apiError(
      beacon.request(),
      415,
      "unsupported_media_type",
      "请求体必须是 JSON（Content-Type: application/json）。",
      { params: { context: "json" } },
    );
  const bytes = await beacon.readBody();
  if (bytes === null) return payloadTooLarge(beacon.request());
  let body: unknown;
  try {
    body = JSON.parse(utf8.decode(bytes));
  } catch {
    return apiError(beacon.request(), 400, "invalid_json", "请求体不是有效的 JSON。");
  }
  const { db, now, config } = getStudio();
  const result = await ingestEvents({
    db,
    body,
    ip: beacon.ip,
    userAgent: beacon.userAgent,
    now: now(),
    timeZone: config.timeZone,
  });
  if (!result.ok) return failureResponse(beacon.request(), result);
  const { accepted, duplicates, ignored } = result;
  return { accepted, duplicates, ...(ignored ? { ignored } : {}) };
}

/** The route's answer (and the fast path's for anything it does not take itself). Public: no sign-in. */
export async function answerEventBeacon(request: Request, ip: string): Promise<Response> {
  const outcome = await answer({
    ip,
    contentType: request.headers.get("Content-Type"),
    userAgent: request.headers.get("User-Agent"),
    async readBody() {
      try {
        return await readBodyBytes(request, MAX_EVENTS_BODY_BYTES);
      } catch (refusal) {
        if (refusal instanceof Response && refusal.status === 413) return null;
        throw refusal;
      }
    },
    request: () => request,
  });
  return outcome instanceof Response ? outcome : json(outcome, { status: 202 });
}

/** A beacon as node:http hands it to the server's fast path (scripts/start.mjs). */
export interface NodeBeacon {
  /** The request's headers as node:http gives them (lower-case names). */
  headers: Record<string, string | string[] | undefined>;
  /** The socket's peer address. */
  clientIp: string;
  /**
   * Reads the body up to `maxBytes`: the bytes, or null when it is bigger (a declared length over
   * the cap is refused before a byte is read).
   */
  readBody(maxBytes: number): Promise<Uint8Array | null>;
}

export interface BeaconReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = "application/json; charset=utf-8";
const NO_HEADERS = new Request("http://localhost/api/v1/events", { method: "POST" });

function header(headers: NodeBeacon["headers"], name: string): string | null {
  const value = headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * The same answer as the route, for the server's fast path: from node:http's headers and body
 * straight to the reply's status, headers and text. A Fetch Request is made only for what needs
 * one: a proxy's X-Forwarded-For (clientAddress) and a refusal's wording (its language).
 */
export async function answerNodeEventBeacon(beacon: NodeBeacon): Promise<BeaconReply> {
  const forwarded = header(beacon.headers, "x-forwarded-for");
  const ip = clientAddress(
    forwarded === null
      ? NO_HEADERS
      : new Request(NO_HEADERS.url, { method: "POST", headers: { "X-Forwarded-For": forwarded } }),
    { clientIp: beacon.clientIp },
  );
  const outcome = await answer({
    ip,
    contentType: header(beacon.headers, "content-type"),
    userAgent: header(beacon.headers, "user-agent"),
    readBody: () => beacon.readBody(MAX_EVENTS_BODY_BYTES),
    request() {
      // A refusal's language: the lang cookie, then Accept-Language (requestLanguage).
      const headers = new Headers();
      for (const name of ["cookie", "accept-language", "content-type", "user-agent"]) {
        const value = header(beacon.headers, name);
        if (value !== null) headers.set(name, value);
      }
      return new Request(NO_HEADERS.url, { method: "POST", headers });
    },
  });
  if (!(outcome instanceof Response))
    return { status: 202, headers: { "Content-Type": JSON_TYPE }, body: JSON.stringify(outcome) };
  const headers: Record<string, string> = {};
  outcome.headers.forEach((value, name) => (headers[name] = value));
  return { status: outcome.status, headers, body: await outcome.text() };
}
