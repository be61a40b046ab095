import crypto from "node:crypto";

/**
 * The signature every outbound webhook of the studio carries (publishing, and later new leads and
 * WeCom notifications): HMAC-SHA256, keyed with the channel's secret as text, over
 * `${timestamp}.${body}` where the timestamp is Unix seconds. A receiver recomputes it over the raw
 * body it received and refuses a timestamp outside its tolerance, so a captured request cannot be
 * replayed later (docs/publishing.md shows a receiver).
 */
export const WEBHOOK_HEADERS = {
  timestamp: "X-Studio-Timestamp",
  signature: "X-Studio-Signature",
  idempotencyKey: "Idempotency-Key",
  event: "X-Studio-Event",
} as const;

/** The scheme prefix lets a later signature scheme (a rotated key, another hash) live beside v1. */
export const SIGNATURE_SCHEME = "v1";

/** How far a receiver should accept a timestamp from its own clock, by default. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signWebhook(options: { secret: string; timestamp: number; body: string }): string {
  const mac = crypto
    .createHmac("sha256", options.secret)
    .update(`${options.timestamp}.${options.body}`, "utf8")
    .digest("hex");
  return `${SIGNATURE_SCHEME}=${mac}`;
}

export type SignatureCheck =
  { ok: true } | { ok: false; reason: "missing" | "malformed" | "too_old" | "in_future" | "mismatch" };

/**
 * What a receiver does with a request: the reference implementation, used by the tests' receivers.
 * Comparison is constant-time; the timestamp must be within `toleranceSeconds` of `now`.
 */
export function verifyWebhookSignature(options: {
  secret: string;
  body: string;
  timestampHeader: string | null | undefined;
  signatureHeader: string | null | undefined;
  now: Date;
  toleranceSeconds?: number;
}): SignatureCheck {
  const { timestampHeader, signatureHeader } = options;
  if (!timestampHeader || !signatureHeader) return { ok: false, reason: "missing" };
  if (!/^\d{1,12}$/.test(timestampHeader)) return { ok: false, reason: "malformed" };
  const timestamp = Number(timestampHeader);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor(options.now.getTime() / 1000);
  if (timestamp < nowSeconds - tolerance) return { ok: false, reason: "too_old" };
  if (timestamp > nowSeconds + tolerance) return { ok: false, reason: "in_future" };
  const expected = Buffer.from(signWebhook({ secret: options.secret, timestamp, body: options.body }));
  // A header may list several signatures (during a key rotation); one match is enough.
  const given = signatureHeader.split(",").map((part) => Buffer.from(part.trim()));
  const match = given.some((sig) => sig.length === expected.length && crypto.timingSafeEqual(sig, expected));
  return match ? { ok: true } : { ok: false, reason: "mismatch" };
}
