import { PRIVATE_ADDRESS_CODE, outboundDispatcher, refusedHost } from "./outbound-address.server";
import { WEBHOOK_HEADERS, signWebhook } from "./webhook-signature";

/**
 * What became of one signed POST, classified for at-most-once delivery:
 * - `delivered`: the receiver answered 2xx;
 * - `retry`: it certainly did not act on the request (refused connection, unknown host, connect
 *   timeout, TLS failure before anything was sent) or asked to be tried later (5xx, 408, 425, 429);
 * - `rejected`: it answered and refused (another 4xx, or a redirect, which a POST must not follow),
 *   or the URL is not one the studio sends to; sending the same request again will not help;
 * - `unconfirmed`: the request may have arrived but no answer came (timeout after connecting,
 *   connection reset or closed, the job stopped mid-request). Sending again could post twice, so
 *   nobody re-sends it automatically.
 */
export type WebhookOutcomeKind = "delivered" | "retry" | "rejected" | "unconfirmed";

export interface WebhookOutcome {
  kind: WebhookOutcomeKind;
  /** The receiver's HTTP status; null when no answer came. */
  status: number | null;
  /** The start of the answer's body, or the error, for the attempt list (at most 500 characters). */
  excerpt: string;
  /** The answer parsed as JSON when it said it was JSON; null otherwise. */
  json: unknown;
}

export interface SendSignedWebhookOptions {
  url: string;
  /** HMAC key: the channel's secret, used as text. */
  secret: string;
  /** What happened (`slot.publish`), sent in a header so a receiver can route before parsing. */
  event: string;
  payload: unknown;
  /** One key per logical message (a slot): a receiver refuses a second one it has already done. */
  idempotencyKey: string;
  now: Date;
  /** The transport; the global fetch unless a caller brings its own. */
  fetch?: typeof fetch;
  /** Whole request, from connecting to the end of the answer. */
  timeoutMs?: number;
  /** Aborts the request (a cancelled job); an aborted request counts as unconfirmed. */
  signal?: AbortSignal;
}

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 15_000;
const EXCERPT_CHARS = 500;
const MAX_ANSWER_BYTES = 64 * 1024;

/** Errors raised before a single byte of the request can have reached the receiver's application. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

function errorCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const message = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: unknown }).code;
    parts.push(typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message);
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(": ").slice(0, EXCERPT_CHARS);
}

async function readAnswer(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function privateAddressExcerpt(host: string): string {
  return `Webhook 地址 ${host} 指向内网或本机地址，工作室不向这些地址发送（管理员可在 WEBHOOK_ALLOW_PRIVATE_HOSTS 中放行）。`;
}

function classifyStatus(status: number): WebhookOutcomeKind {
  if (status >= 200 && status < 300) return "delivered";
  if (status >= 500 || status === 408 || status === 425 || status === 429) return "retry";
  return "rejected";
}

/**
 * The studio's one sender of signed outbound webhooks. A JSON POST with
 * `X-Studio-Timestamp`, `X-Studio-Signature: v1=<hex HMAC-SHA256 of "timestamp.body">`,
 * `Idempotency-Key` and `X-Studio-Event`; never throws, returns the classified outcome. Only
 * http(s) URLs of public addresses are sent to (see outbound-address.server.ts). Retrying is the caller's business (publishing retries as jobs).
 */
export async function sendSignedWebhook(options: SendSignedWebhookOptions): Promise<WebhookOutcome> {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return { kind: "rejected", status: null, excerpt: "Webhook 地址不是有效的网址。", json: null };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { kind: "rejected", status: null, excerpt: "Webhook 地址必须是 http 或 https 网址。", json: null };
  if (url.username || url.password)
    return { kind: "rejected", status: null, excerpt: "Webhook 地址不能包含用户名或密码。", json: null };
  const refused = refusedHost(url);
  if (refused) return { kind: "rejected", status: null, excerpt: privateAddressExcerpt(refused), json: null };

  const body = JSON.stringify(options.payload);
  const timestamp = Math.floor(options.now.getTime() / 1000);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  // The global fetch goes through the guarded pool, which refuses names resolving to private
  // addresses at connect time; a caller's own transport brings its own rules.
  const doFetch: typeof fetch =
    options.fetch ??
    ((input, init) => fetch(input, { ...init, dispatcher: outboundDispatcher() } as RequestInit));

  let response: Response;
  try {
    response = await doFetch(url, {
      method: "POST",
      body,
      redirect: "manual",
      signal,
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "ContentStudio-Webhook/1",
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signWebhook({ secret: options.secret, timestamp, body }),
        [WEBHOOK_HEADERS.idempotencyKey]: options.idempotencyKey,
        [WEBHOOK_HEADERS.event]: options.event,
      },
    });
  } catch (error) {
    const code = errorCode(error);
    if (code === PRIVATE_ADDRESS_CODE)
      return { kind: "rejected", status: null, excerpt: privateAddressExcerpt(url.hostname), json: null };
    // Only errors that prove nothing was delivered may be retried; anything else might have arrived.
    const kind: WebhookOutcomeKind =
      !signal.aborted && code !== null && NOT_SENT_CODES.has(code) ? "retry" : "unconfirmed";
    const excerpt = timeout.aborted ? `等待应答超时（${describe(error)}）` : describe(error);
    return { kind, status: null, excerpt: excerpt.slice(0, EXCERPT_CHARS), json: null };
  }

  // The status is known now: a body that stalls or breaks off does not change the classification.
  let text = "";
  try {
    text = await readAnswer(response);
  } catch (error) {
    text = `（应答正文读取失败：${describe(error)}）`;
  }
  let json: unknown = null;
  if (/\bjson\b/i.test(response.headers.get("Content-Type") ?? "")) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  return {
    kind: classifyStatus(response.status),
    status: response.status,
    excerpt: text.slice(0, EXCERPT_CHARS),
    json,
  };
}
