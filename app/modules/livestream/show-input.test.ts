import { describe, expect, it } from "vitest";
import { DEFAULT_STUDIO_TIME_ZONE } from "~/lib/dates";
import { SHOW_FORM_ARRAYS, showInputSchema, unflattenFields } from "./show-input";

describe("builder form fields", () => {
  it("nests products by index and compacts a removed middle row", () => {
    expect(
      unflattenFields(
        {
          title: "直播",
          "products.0.name": "轩逸",
          "products.2.name": "奇骏",
          "products.2.painSeconds": "40",
          "__proto__.x": "1",
          "a..b": "2",
        },
        SHOW_FORM_ARRAYS,
      ),
    ).toEqual({
      ok: true,
      value: { title: "直播", products: [{ name: "轩逸" }, { name: "奇骏", painSeconds: "40" }] },
    });
  });

  it("refuses a product index past the 5-product limit without building the array", () => {
    const refused = unflattenFields(
      { "products.0.name": "轩逸", "products.100000000.name": "奇骏" },
      SHOW_FORM_ARRAYS,
    );
    expect(refused).toEqual({ ok: false, errors: { "products.5": "每场直播最多 5 个商品" } });
    for (const index of ["5", "4294967296"])
      expect(unflattenFields({ [`products.${index}.name`]: "x" }, SHOW_FORM_ARRAYS).ok, index).toBe(false);
    // Not an index at all: ignored, and the schema then asks for a product.
    expect(unflattenFields({ "products.1e9.name": "x" }, SHOW_FORM_ARRAYS)).toEqual({ ok: true, value: {} });
    expect(unflattenFields({ "products.4.name": "第五个" }, SHOW_FORM_ARRAYS)).toEqual({
      ok: true,
      value: { products: [{ name: "第五个" }] },
    });
    // A number where no array is declared is a plain key, never an array.
    const plain = unflattenFields({ "opening.100000000": "x", "title.7.x": "y" }, SHOW_FORM_ARRAYS);
    expect(plain).toEqual({ ok: true, value: { opening: { 100000000: "x" }, title: { 7: { x: "y" } } } });
  });

  it("never writes through inherited properties or crashes on a scalar posted at a nested path", () => {
    const result = unflattenFields(
      { "toString.x": "1", products: "轩逸", "products.0.name": "奇骏", title: ["a", "b"], "title.1": "c" },
      SHOW_FORM_ARRAYS,
    );
    expect(result).toEqual({
      ok: true,
      value: { toString: { x: "1" }, products: [{ name: "奇骏" }], title: { 1: "c" } },
    });
    expect(Object.prototype.toString).not.toHaveProperty("x");
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
    const parsed = showInputSchema(DEFAULT_STUDIO_TIME_ZONE).parse({ ...base, hostCharsPerMinute: "" });
    expect(parsed.hostCharsPerMinute).toBe(250);
    expect(parsed.products[0].painSeconds).toBeUndefined();
    const slow = showInputSchema(DEFAULT_STUDIO_TIME_ZONE).safeParse({ ...base, hostCharsPerMinute: "60" });
    expect(slow.success).toBe(false);
    expect(slow.error?.issues[0].path).toEqual(["hostCharsPerMinute"]);
  });
});
