/**
 * The one tracked-link helper: every outward link and QR code is `/p/{slug}` (optionally with
 * `?src={source}`) on the public base URL. Anything printed (book and handbook print builds, and
 * later posters and other printed QR codes) must go through `trackedLink({ printed: true })` or
 * `printedUrlProblem`, which refuse addresses a reader's phone cannot reach.
 */
import { settings } from "~/lib/env.server";
import { fail, type Failure } from "~/lib/result";

export type PublicBaseOrigin = "configured" | "request" | "default";

export interface PublicBase {
  url: string;
  /** Where it came from: PUBLIC_BASE_URL, the origin of the request, or the local fallback. */
  origin: PublicBaseOrigin;
}

/**
 * Base of the absolute URLs printed in QR codes. PUBLIC_BASE_URL wins (the address readers reach
 * the studio at); otherwise the origin the request came in on; otherwise this machine.
 */
export function resolvePublicBase(requestUrl?: string, configured = settings().publicBaseUrl): PublicBase {
  const value = configured?.trim();
  if (value) return { url: value.replace(/\/+$/, ""), origin: "configured" };
  if (requestUrl) return { url: new URL(requestUrl).origin, origin: "request" };
  return { url: `http://localhost:${settings().port}`, origin: "default" };
}

export function publicBaseUrl(requestUrl?: string): string {
  return resolvePublicBase(requestUrl).url;
}

function ipv4Octets(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const octets = m.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

function ipv4Problem([a, b]: number[]): string | null {
  if (a === 127) return "本机回环地址 127.0.0.0/8";
  if (a === 0) return "未指定地址 0.0.0.0/8";
  if (a === 10) return "内网地址 10.0.0.0/8";
  if (a === 172 && b >= 16 && b <= 31) return "内网地址 172.16.0.0/12";
  if (a === 192 && b === 168) return "内网地址 192.168.0.0/16";
  if (a === 169 && b === 254) return "链路本地地址 169.254.0.0/16";
  if (a === 100 && b >= 64 && b <= 127) return "运营商内网地址 100.64.0.0/10";
  return null;
}

/** The 8 groups of an IPv6 literal (WHATWG URL hostnames are already compressed and lower case). */
function ipv6Groups(host: string): number[] | null {
  if (!host.includes(":")) return null;
  let text = host;
  // A dotted IPv4 tail (::ffff:1.2.3.4) becomes two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const o = ipv4Octets(v4[1]);
    if (!o) return null;
    text = `${text.slice(0, -v4[1].length)}${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }
  const [head, tail, extra] = text.split("::");
  if (extra !== undefined) return null;
  const parse = (part: string | undefined) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  if ([...left, ...right].some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) return null;
  if (tail === undefined) return left.length === 8 ? left : null;
  const zeros = 8 - left.length - right.length;
  return zeros >= 1 ? [...left, ...new Array<number>(zeros).fill(0), ...right] : null;
}

function ipv6Problem(g: number[]): string | null {
  if (g.every((x) => x === 0)) return "未指定地址 ::";
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return "本机回环地址 ::1";
  // IPv4-mapped (::ffff:a.b.c.d): judge the IPv4 address inside.
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff)
    return ipv4Problem([g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff]);
  if ((g[0] & 0xfe00) === 0xfc00) return "内网地址 fc00::/7";
  if ((g[0] & 0xffc0) === 0xfe80) return "链路本地地址 fe80::/10";
  return null;
}

/**
 * Why a host name is not reachable from the public internet (loopback, private, link-local,
 * `.local` and other local-only names), or null. Judged from the name alone: a public name that
 * resolves to a private address is not caught here.
 */
export function nonPublicHostReason(hostname: string): string | null {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  if (!host) return "没有主机名";
  const v4 = ipv4Octets(host);
  if (v4) return ipv4Problem(v4);
  const v6 = ipv6Groups(host);
  if (v6) return ipv6Problem(v6);
  if (host.includes(":")) return "无法识别的地址";
  if (host === "localhost" || host.endsWith(".localhost")) return "本机名称 localhost";
  if (host.endsWith(".local")) return "局域网名称 .local";
  for (const suffix of [".internal", ".lan", ".home.arpa", ".localdomain", ".intranet", ".corp"])
    if (host.endsWith(suffix)) return `局域网名称 ${suffix}`;
  if (!host.includes(".")) return "没有域名后缀的内网主机名";
  return null;
}

/**
 * Why `url` cannot be printed (in a QR code or as text on paper): not an http(s) address, or a
 * host that is loopback, private or local-only. Null when it is a public http(s) address.
 */
export function printedUrlReason(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "不是有效的网址";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "不是 http 或 https 网址";
  return nonPublicHostReason(parsed.hostname);
}

/** The origin of a URL for messages (the URL itself when it does not parse). */
function shownOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Where to fix it, said the same way by every refusal. */
export const SET_PUBLIC_BASE_URL =
  "请把 PUBLIC_BASE_URL 设置为读者能访问的公网地址（例如 https://www.example.com）";

/**
 * Why `url` must not be printed, as a message for the people who can fix it, naming
 * PUBLIC_BASE_URL; null when it is a public http(s) address.
 */
export function printedUrlProblem(url: string, origin?: PublicBaseOrigin): string | null {
  const why = printedUrlReason(url);
  if (!why) return null;
  const source =
    origin === "request"
      ? "没有设置 PUBLIC_BASE_URL，二维码用了本次访问工作室的地址"
      : origin === "default"
        ? "没有设置 PUBLIC_BASE_URL，二维码用了本机地址"
        : origin === "configured"
          ? "PUBLIC_BASE_URL 设置的地址"
          : "二维码地址";
  return `${source} ${shownOrigin(url)} 是${why}，读者用手机扫码打不开，不能用于印刷。${SET_PUBLIC_BASE_URL}后重新生成。`;
}

const SLUG_RE = /^[a-z0-9-]{1,40}$/;
const SOURCE_RE = /^[a-z0-9-]{1,64}$/;

function asBase(base: PublicBase | string): { url: string; origin?: PublicBaseOrigin } {
  return typeof base === "string" ? { url: base } : base;
}

function linkUrl(base: string, slug: string, source?: string): string {
  return `${base.replace(/\/+$/, "")}/p/${slug}${source ? `?src=${encodeURIComponent(source)}` : ""}`;
}

/**
 * Where a printed tracked link would point, and why it cannot be printed (null when it can):
 * for screens that show the address before anyone prints.
 */
export function printTarget(options: { base: PublicBase | string; slug: string; source?: string }): {
  url: string;
  problem: string | null;
} {
  const base = asBase(options.base);
  const url = linkUrl(base.url, options.slug, options.source);
  return { url, problem: printedUrlProblem(url, base.origin) };
}

/**
 * The tracked link to a piece's public page. `printed: true` (anything that goes on paper)
 * refuses a base that is loopback, private or local-only, with a message naming PUBLIC_BASE_URL.
 */
export function trackedLink(options: {
  base: PublicBase | string;
  slug: string;
  /** `src` of the link: a channel key, `poster-{id}-{consultant}`, `ebook-{id}`, `live-{id}`. */
  source?: string;
  printed?: boolean;
  /** The form field a refusal belongs to. */
  field?: string;
}): { ok: true; url: string } | Failure {
  if (!SLUG_RE.test(options.slug)) return fail(400, "invalid_slug", "链接标识无效。", options.field);
  if (options.source !== undefined && !SOURCE_RE.test(options.source))
    return fail(400, "invalid_source", "链接来源标识无效。", options.field);
  const target = printTarget(options);
  if (options.printed && target.problem)
    return fail(409, "public_url_not_public", target.problem, {
      field: options.field,
      params: { detail: target.problem, url: target.url },
    });
  return { ok: true, url: target.url };
}
