import { describe, expect, it } from "vitest";
import { normaliseMainlandMobile } from "~/lib/personal-data.server";
import { browserMainlandMobile } from "./mainland-mobile";

const INPUTS = [
  "13812345678",
  "138 1234 5678",
  "138-1234-5678",
  "+86 138 1234 5678",
  "0086 13812345678",
  "8613812345678",
  "（138）12345678",
  "12812345678",
  "1381234567",
  "138123456789",
  "",
  "abc",
  "１３８１２３４５６７８",
  "19912345678",
  "+8612812345678",
];

describe("the lead form's phone rule", () => {
  it("answers every input exactly as the server's normaliser does", () => {
    for (const input of INPUTS)
      expect(browserMainlandMobile(input), input).toBe(normaliseMainlandMobile(input));
  });

  it("accepts mainland mobiles with the usual separators and refuses the rest", () => {
    expect(browserMainlandMobile("+86 138-1234-5678")).toBe("13812345678");
    expect(browserMainlandMobile("12812345678")).toBeNull();
    expect(browserMainlandMobile("")).toBeNull();
  });
});
