import { describe, expect, it } from "vitest";
import { showInputSchema, unflattenFields } from "./show-input";

describe("builder form fields", () => {
  it("nests products by index and compacts a removed middle row", () => {
    expect(
      unflattenFields({
        title: "直播",
        "products.0.name": "轩逸",
        "products.2.name": "奇骏",
        "products.2.painSeconds": "40",
        "__proto__.x": "1",
        "a..b": "2",
      }),
    ).toEqual({ title: "直播", products: [{ name: "轩逸" }, { name: "奇骏", painSeconds: "40" }] });
  });

  it("parses blank seconds as the 30/60/30 defaults and refuses a reading speed out of range", () => {
    const base = {
      title: "直播",
      plannedMinutes: "90",
      products: [
        {
          name: "轩逸",
          painPoint: "痛点",
          sellingPoint: "卖点",
          perk: "福利",
          painSeconds: "",
          sellingSeconds: "",
          perkSeconds: "",
        },
      ],
    };
    const parsed = showInputSchema.parse({ ...base, hostCharsPerMinute: "" });
    expect(parsed.hostCharsPerMinute).toBe(250);
    expect(parsed.products[0].painSeconds).toBeUndefined();
    const slow = showInputSchema.safeParse({ ...base, hostCharsPerMinute: "60" });
    expect(slow.success).toBe(false);
    expect(slow.error?.issues[0].path).toEqual(["hostCharsPerMinute"]);
  });
});
