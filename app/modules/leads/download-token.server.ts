import crypto from "node:crypto";

/** A download link from the lead form stays valid this long (a person may open it later that day). */
export const DOWNLOAD_TOKEN_MS = 24 * 60 * 60 * 1000;

function signature(secret: Buffer, slug: string, expires: number): string {
  return crypto.createHmac("sha256", secret).update(`download\n${slug}\n${expires}`).digest("base64url");
}

/** `<expiry in base36>.<HMAC>`: the e-book's download, for someone who just left a lead. */
export function createDownloadToken(options: { secret: Buffer; slug: string; now: Date }): string {
  const expires = options.now.getTime() + DOWNLOAD_TOKEN_MS;
  return `${expires.toString(36)}.${signature(options.secret, options.slug, expires)}`;
}

export function verifyDownloadToken(options: {
  secret: Buffer;
  slug: string;
  token: string | null;
  now: Date;
}): boolean {
  const [encoded, given] = (options.token ?? "").split(".", 2);
  if (!encoded || !given) return false;
  const expires = parseInt(encoded, 36);
  if (!Number.isSafeInteger(expires) || expires < options.now.getTime()) return false;
  const expected = Buffer.from(signature(options.secret, options.slug, expires));
  const actual = Buffer.from(given);
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}
