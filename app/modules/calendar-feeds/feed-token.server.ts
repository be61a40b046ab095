import crypto from "node:crypto";

/** 256 random bits, URL-safe: the secret in a feed's address, shown once. */
export function newFeedToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** Only this is stored: a leaked database does not hand out working feed URLs. */
export function hashFeedToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export const FEED_TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export function feedUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, "")}/feeds/${token}.ics`;
}
