import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "./webhook-signature";

const secret = "whsec-test";
const body = JSON.stringify({ event: "slot.publish", slot: { id: 7, caption: "雨季 #用车技巧" } });
const now = new Date("2026-12-02T02:00:00Z");
const timestamp = Math.floor(now.getTime() / 1000);

describe("webhook signature", () => {
  it("is HMAC-SHA256 of `timestamp.body` keyed with the secret, hex, with a v1= prefix", () => {
    const expected = crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
    expect(signWebhook({ secret, timestamp, body })).toBe(`v1=${expected}`);
  });

  it("verifies a fresh request and refuses a changed body, another secret, a replay and a missing header", () => {
    const signatureHeader = signWebhook({ secret, timestamp, body });
    const check = (over: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
      verifyWebhookSignature({
        secret,
        body,
        timestampHeader: String(timestamp),
        signatureHeader,
        now,
        ...over,
      });
    expect(check({})).toEqual({ ok: true });
    expect(check({ now: new Date(now.getTime() + 299_000) })).toEqual({ ok: true });
    expect(check({ body: body.replace("7", "8") })).toEqual({ ok: false, reason: "mismatch" });
    expect(check({ secret: "another" })).toEqual({ ok: false, reason: "mismatch" });
    // The timestamp is signed: moving it forward to pass the tolerance breaks the signature.
    expect(
      check({ timestampHeader: String(timestamp + 600), now: new Date(now.getTime() + 600_000) }),
    ).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(check({ now: new Date(now.getTime() + 301_000) })).toEqual({ ok: false, reason: "too_old" });
    expect(check({ now: new Date(now.getTime() - 301_000) })).toEqual({ ok: false, reason: "in_future" });
    expect(check({ signatureHeader: null })).toEqual({ ok: false, reason: "missing" });
    expect(check({ timestampHeader: "yesterday" })).toEqual({ ok: false, reason: "malformed" });
    // During a key rotation a header may carry two signatures; one valid one is enough.
    expect(check({ signatureHeader: `v1=${"0".repeat(64)}, ${signatureHeader}` })).toEqual({ ok: true });
  });
});
