import { decryptPersonal, encryptPersonal } from "./personal-data.server";

/**
 * Secrets at rest (the CRM's signing secret, each channel's webhook secret, each WeCom robot's
 * webhook URL, which carries the robot's key): sealed with the personal-data cipher (AES-256-GCM
 * under DATA_KEY), so a copy of the database file alone cannot sign requests in the studio's name
 * or post to its group chats. Decision 0047.
 */

/**
 * What every sealed value starts with (the cipher's format tag); a plain hex secret or http(s) URL
 * never does.
 */
export const SEALED_PREFIX = "v1.";

export function isSealedSecret(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

export function sealSecret(dataKey: Buffer, secret: string): string {
  return encryptPersonal(dataKey, secret);
}

/**
 * The value to store for `secret` (null: none). `kept` is the value already stored when the secret
 * did not change: a sealed one is kept as it is, so saving other settings does not rewrite it.
 */
export function sealedForStorage(dataKey: Buffer, secret: string, kept: string | null): string;
export function sealedForStorage(dataKey: Buffer, secret: string | null, kept: string | null): string | null;
export function sealedForStorage(dataKey: Buffer, secret: string | null, kept: string | null): string | null {
  if (secret === null) return null;
  return kept && isSealedSecret(kept) ? kept : sealSecret(dataKey, secret);
}

export type OpenedSecret = { ok: true; secret: string } | { ok: false };

/**
 * The secret behind a stored value. A value without the prefix was written before secrets were
 * sealed and is used as it is until the boot step seals it. A sealed value that does not open
 * (changed in the file, or sealed under another DATA_KEY) is an expected failure the caller reports
 * where the secret is needed, not an exception.
 */
export function openSecret(dataKey: Buffer, stored: string): OpenedSecret {
  if (!isSealedSecret(stored)) return { ok: true, secret: stored };
  try {
    return { ok: true, secret: decryptPersonal(dataKey, stored) };
  } catch {
    return { ok: false };
  }
}

/** The secret as the pages, the API and the audit log may show it: enough to recognise, never to sign. */
export function secretHint(secret: string | null): string | null {
  return secret ? `…${secret.slice(-4)}` : null;
}

/**
 * The hint of a stored value; null when there is none or it cannot be opened (saving makes a new
 * one). `hint` shows the opened value (a robot's URL is shown with its key masked).
 */
export function storedSecretHint(
  dataKey: Buffer,
  stored: string | null,
  hint: (secret: string) => string | null = secretHint,
): string | null {
  if (!stored) return null;
  const opened = openSecret(dataKey, stored);
  return opened.ok ? hint(opened.secret) : null;
}
