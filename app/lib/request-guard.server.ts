import net from "node:net";
import { json } from "@remix-run/node";
import { requestLanguage } from "~/i18n/i18n";
import type { ErrorCode, ErrorParams } from "./error-codes";
import { errorMessage } from "./error-message";

// What every request passes before the studio reads its body or trusts where it came from:
// body and field caps, the client address, cross-site refusal and same-origin redirects.

/**
 * Largest form or JSON body. A 100,000-character Chinese chapter, the largest text field, is
 * ~900 KB url-encoded (9 bytes a character), so 1 MiB holds it. Uploads are multipart and are
 * streamed to disk by their routes, each with its own cap.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** More fields than any studio form sends (a show script has fewer than 100). */
export const MAX_FORM_FIELDS = 1000;

const BODY_TOO_LARGE = "请求体过大：表单和 JSON 最多 1 MB。";
const TOO_MANY_FIELDS = `表单字段过多：最多 ${MAX_FORM_FIELDS} 个。`;
const CROSS_SITE = "已拒绝跨站提交：请在工作室页面内操作。";

function isApiPath(request: Request): boolean {
  return new URL(request.url).pathname.startsWith("/api/");
}

/**
 * A refusal shaped like the rest of its surface: the API's error object, or a page message; in
 * the request's language.
 */
function refusal(
  request: Request,
  status: number,
  failure: { code: ErrorCode; message: string; params?: ErrorParams },
): Response {
  const api = isApiPath(request);
  const message = errorMessage(failure, requestLanguage(request, { acceptLanguage: api }));
  return api
    ? json({ error: { code: failure.code, message } }, { status })
    : json({ message, errors: { _form: message } }, { status });
}

export function payloadTooLarge(request: Request): Response {
  return refusal(request, 413, { code: "payload_too_large", message: BODY_TOO_LARGE });
}

export function tooManyFields(request?: Request): Response {
  const failure = {
    code: "too_many_fields",
    message: TOO_MANY_FIELDS,
    params: { max: MAX_FORM_FIELDS },
  } as const;
  return request
    ? refusal(request, 413, failure)
    : json({ message: TOO_MANY_FIELDS, errors: { _form: TOO_MANY_FIELDS } }, { status: 413 });
}

/**
 * Reads a body of at most `maxBytes`: a declared Content-Length over the cap is refused before
 * anything is read, and a chunked body is counted as it streams and dropped at the cap. Throws
 * a 413 Response.
 */
export async function readBodyBytes(
  request: Request,
  maxBytes = MAX_BODY_BYTES,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw payloadTooLarge(request);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(request);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** `application/json`, `application/problem+json`…, without parameters; null when absent. */
export function mediaType(request: Request): string | null {
  const header = request.headers.get("Content-Type");
  return header ? header.split(";")[0].trim().toLowerCase() : null;
}

// ---------------------------------------------------------------------------------------------
// Client address

/**
 * How many reverse proxies in front of the studio may be believed about the client address
 * (`TRUST_PROXY`): unset, `0` or `false` ignores X-Forwarded-For; `true` means one; a number N
 * takes the N-th address from the right, the one the outermost trusted proxy saw.
 */
export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  const setting = (value ?? "").trim().toLowerCase();
  if (!setting || setting === "0" || setting === "false" || setting === "no") return 0;
  if (setting === "true" || setting === "yes") return 1;
  const hops = Number(setting);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

function normaliseIp(value: string | undefined | null): string | null {
  if (!value) return null;
  let ip = value.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:51000" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":"));
  if (ip.toLowerCase().startsWith("::ffff:") && net.isIPv4(ip.slice(7))) ip = ip.slice(7);
  return net.isIP(ip) ? ip.toLowerCase() : null;
}

/**
 * The address sign-in throttling counts. The socket's peer (the load context's `clientIp`)
 * unless `TRUST_PROXY` says that a proxy in front writes X-Forwarded-For: a client can send that
 * header itself, so without the setting it is ignored.
 */
export function clientAddress(
  request: Request,
  context: { clientIp?: string } | undefined,
  hops = trustedProxyHops(),
): string {
  const peer = normaliseIp(context?.clientIp) ?? context?.clientIp ?? "unknown";
  if (hops === 0) return peer;
  const forwarded = request.headers
    .get("X-Forwarded-For")
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (!forwarded?.length) return peer;
  // Proxies append: the right-most entries are the trusted ones, the left-most what the client claimed.
  const entry = forwarded[Math.max(0, forwarded.length - hops)];
  return normaliseIp(entry) ?? peer;
}

// ---------------------------------------------------------------------------------------------
// Cross-site requests

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function allowedHosts(request: Request): Set<string> {
  const hosts = new Set([new URL(request.url).host.toLowerCase()]);
  const host = request.headers.get("Host");
  if (host) hosts.add(host.trim().toLowerCase());
  if (trustedProxyHops() > 0) {
    const forwarded = request.headers.get("X-Forwarded-Host")?.split(",")[0]?.trim();
    if (forwarded) hosts.add(forwarded.toLowerCase());
  }
  const publicBase = process.env.PUBLIC_BASE_URL;
  if (publicBase) {
    try {
      hosts.add(new URL(publicBase).host.toLowerCase());
    } catch {
      // not a URL: ignored here (the e-book builder reports it)
    }
  }
  return hosts;
}

/**
 * Why a state-changing request looks cross-site, or null. Browsers send `Sec-Fetch-Site` and
 * `Origin` on form posts and fetches; a foreign, opaque (`null`) or sibling-site origin is
 * refused. Requests with neither header (curl, scripts, tests) pass: they carry no one else's
 * cookie.
 */
export function crossSiteReason(request: Request): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const site = request.headers.get("Sec-Fetch-Site")?.trim().toLowerCase();
  if (site === "cross-site" || site === "same-site") return `sec-fetch-site:${site}`;
  const origin = request.headers.get("Origin")?.trim();
  if (!origin) return null;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return "origin:opaque";
  }
  if (!host || !allowedHosts(request).has(host)) return "origin:foreign";
  return null;
}

/** The 403 answer (in the request's language) for a cross-site state-changing request that carries a session cookie, or null. */
export function crossSiteRefusal(request: Request): Response | null {
  if (request.headers.get("Authorization")?.startsWith("Bearer ")) return null;
  if (!/(?:^|;\s*)studio_session=/.test(request.headers.get("Cookie") ?? "")) return null;
  return crossSiteReason(request)
    ? refusal(request, 403, { code: "cross_site_request", message: CROSS_SITE })
    : null;
}

/** Throws 403 (in Chinese) for a cross-site state-changing request. */
export function refuseCrossSite(request: Request): void {
  if (crossSiteReason(request))
    throw refusal(request, 403, { code: "cross_site_request", message: CROSS_SITE });
}

// ---------------------------------------------------------------------------------------------
// Redirects

const REDIRECT_BASE = "http://studio.invalid";

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A same-origin path to redirect to after sign-in or a language switch, or `fallback`. Refuses
 * what a browser would take off-site: `//host`, `/\host` (browsers read `\` as `/`), absolute
 * URLs, control characters (stripped by URL parsers, so `/\t/host` becomes `//host`), and the same
 * tricks in the path once or twice percent-decoded, in case something on the way decodes them.
 */
export function safeRedirectPath(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;
  const path = to.split(/[?#]/, 1)[0];
  for (const form of [path, safeDecode(path), safeDecode(safeDecode(path))]) {
    if (!form.startsWith("/") || form.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(form))
      return fallback;
  }
  let url: URL;
  try {
    url = new URL(to, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== REDIRECT_BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
