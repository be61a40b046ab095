import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decryptPersonal,
  encryptPersonal,
  keyedHash,
  maskMobile,
  normaliseMainlandMobile,
} from "./personal-data.server";

const key = crypto.randomBytes(32);

describe("personal data", () => {
  it("encrypts with a fresh IV and decrypts only under the same key", () => {
    const a = encryptPersonal(key, "13812345678");
    const b = encryptPersonal(key, "13812345678");
    expect(a).not.toBe(b);
    expect(a).not.toContain("13812345678");
    expect(decryptPersonal(key, a)).toBe("13812345678");
    expect(() => decryptPersonal(crypto.randomBytes(32), a)).toThrow();
    const tampered = a.slice(0, -4) + (a.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(() => decryptPersonal(key, tampered)).toThrow();
  });

  it("hashes equal numbers equal, and differently under another key", () => {
    expect(keyedHash(key, "13812345678")).toBe(keyedHash(key, "13812345678"));
    expect(keyedHash(key, "13812345678")).not.toBe(keyedHash(key, "13812345679"));
    expect(keyedHash(crypto.randomBytes(32), "13812345678")).not.toBe(keyedHash(key, "13812345678"));
  });

  it("accepts mainland mobiles as people type them and refuses the rest", () => {
    expect(normaliseMainlandMobile("138 1234 5678")).toBe("13812345678");
    expect(normaliseMainlandMobile("+86 138-1234-5678")).toBe("13812345678");
    expect(normaliseMainlandMobile("008613812345678")).toBe("13812345678");
    for (const bad of ["", "12812345678", "1381234567", "138123456789", "abc", "010-12345678"]) {
      expect(normaliseMainlandMobile(bad)).toBeNull();
    }
    expect(maskMobile("13812345678")).toBe("138****5678");
  });
});
