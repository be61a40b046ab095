import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  isSealedSecret,
  openSecret,
  sealSecret,
  sealedForStorage,
  storedSecretHint,
} from "./sealed-secret.server";

const key = crypto.randomBytes(32);
const secret = "0123456789abcdef".repeat(4);

describe("sealed signing secrets", () => {
  it("seals with the v1 prefix, differently each time, and opens only under its key", () => {
    const sealed = sealSecret(key, secret);
    expect(isSealedSecret(sealed)).toBe(true);
    expect(sealed).not.toContain(secret);
    expect(sealSecret(key, secret)).not.toBe(sealed);
    expect(openSecret(key, sealed)).toEqual({ ok: true, secret });
    expect(openSecret(crypto.randomBytes(32), sealed)).toEqual({ ok: false });
    expect(storedSecretHint(key, sealed)).toBe("…cdef");
    // A caller may show the opened value its own way (a robot's URL with its key masked).
    expect(storedSecretHint(key, sealed, (opened) => `${opened.length} chars`)).toBe("64 chars");
    expect(storedSecretHint(crypto.randomBytes(32), sealed, (opened) => opened)).toBeNull();
  });

  it("reads a value stored in clear as it is, and gives no hint for one that does not open", () => {
    expect(isSealedSecret(secret)).toBe(false);
    expect(openSecret(key, secret)).toEqual({ ok: true, secret });
    expect(storedSecretHint(key, "v1.AAAA")).toBeNull();
    expect(storedSecretHint(key, null)).toBeNull();
  });

  it("keeps a sealed value that did not change and seals one in clear", () => {
    const sealed = sealSecret(key, secret);
    expect(sealedForStorage(key, secret, sealed)).toBe(sealed);
    expect(isSealedSecret(sealedForStorage(key, secret, secret)!)).toBe(true);
    expect(sealedForStorage(key, null, sealed)).toBeNull();
  });
});
