import crypto from "node:crypto";

/**
 * Personal data at rest: AES-256-GCM under the studio's DATA_KEY, and a keyed hash for finding a
 * person again (dedupe, deletion requests) without storing the value in clear. Every place that
 * stores a phone number or a name goes through here.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Format tag of a ciphertext, so a future key rotation can tell old from new. */
const FORMAT = "v1";

/** Separate keys for encryption and hashing, both derived from DATA_KEY. */
function subKey(dataKey: Buffer, purpose: "encrypt" | "hash"): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", dataKey, Buffer.alloc(0), `content-studio/${purpose}`, 32));
}

const keyCache = new WeakMap<Buffer, { encrypt: Buffer; hash: Buffer }>();
function keys(dataKey: Buffer): { encrypt: Buffer; hash: Buffer } {
  let found = keyCache.get(dataKey);
  if (!found) {
    found = { encrypt: subKey(dataKey, "encrypt"), hash: subKey(dataKey, "hash") };
    keyCache.set(dataKey, found);
  }
  return found;
}

/** `v1.<base64 iv|tag|ciphertext>`; a fresh random IV each time, so equal values differ. */
export function encryptPersonal(dataKey: Buffer, plain: string): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", keys(dataKey).encrypt, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${FORMAT}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

/** Throws when the value was not made by `encryptPersonal` under this key (tampered or another key). */
export function decryptPersonal(dataKey: Buffer, sealed: string): string {
  const [format, data] = sealed.split(".", 2);
  if (format !== FORMAT || !data) throw new Error("Not a personal-data ciphertext");
  const raw = Buffer.from(data, "base64");
  const decipher = crypto.createDecipheriv("aes-256-gcm", keys(dataKey).encrypt, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    "utf8",
  );
}

/** HMAC-SHA256 (hex) of an already normalised value: equal values hash equal, only under this key. */
export function keyedHash(dataKey: Buffer, normalised: string): string {
  return crypto.createHmac("sha256", keys(dataKey).hash).update(normalised).digest("hex");
}

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * A mainland mobile number as 11 digits, from what people type: spaces, dashes, a +86 or 0086
 * prefix. Null when it is not one.
 */
export function normaliseMainlandMobile(input: string): string | null {
  const digits = input.replace(/[\s\-()（）]/g, "").replace(/^(\+86|0086|86(?=1\d{10}$))/, "");
  return MAINLAND_MOBILE.test(digits) ? digits : null;
}

/** 13812345678 → 138****5678: the only form of a number most roles ever see. */
export function maskMobile(normalised: string): string {
  return `${normalised.slice(0, 3)}****${normalised.slice(-4)}`;
}
