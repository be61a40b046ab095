import crypto from "node:crypto";
import { expect, it } from "vitest";
import { PRIVACY_NOTICE } from "./privacy-notice";

it("stores the hash of the notice's text, so a changed text cannot keep the old hash", () => {
  expect(crypto.createHash("sha256").update(PRIVACY_NOTICE.text).digest("hex")).toBe(PRIVACY_NOTICE.hash);
});
