import { describe, expect, it } from "vitest";
import { DEFAULT_STUDIO_TIME_ZONE } from "~/lib/dates";
import { demoShowScriptInput } from "./demo-show-script";
import { translator } from "~/i18n/i18n";
import { blockTitle, computeRunOfShow, totalSeconds, validateRunOfShow } from "./run-of-show";
import { showScriptInputSchema, toShowScript } from "./show-script";

const parse = (body: unknown) => showScriptInputSchema(DEFAULT_STUDIO_TIME_ZONE).safeParse(body);
const issuesOf = (body: unknown) => {
  const r = parse(body);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};
const product = demoShowScriptInput().products[0];

describe("script schema", () => {
  it("applies the 30/60/30 rhythm when the form leaves seconds blank", () => {
    const r = parse(demoShowScriptInput({ products: [{ ...product, painSeconds: "" as never }] }));
    expect(r.success).toBe(true);
    const script = toShowScript(r.data!);
    expect(script.products[0].painPoint.seconds).toBe(30);
    expect(script.products[0].sellingPoint.seconds).toBe(60);
    expect(script.products[0].perk.seconds).toBe(30);
  });

  it("lets the caller change the defaults", () => {
    const script = toShowScript(parse(demoShowScriptInput()).data!, { timing: { sellingSeconds: 90 } });
    expect(script.products[1].sellingPoint.seconds).toBe(90);
    expect(script.products[1].painPoint.seconds).toBe(30);
  });

  it("refuses a 6th product at products.5 with the limit in the message", () => {
    const issues = issuesOf(demoShowScriptInput({ products: Array.from({ length: 6 }, () => product) }));
    expect(issues).toEqual([{ path: "products.5", message: "每场直播最多 5 个商品" }]);
    expect(parse(demoShowScriptInput({ products: Array.from({ length: 5 }, () => product) })).success).toBe(
      true,
    );
  });

  it.each([
    [-30, "时长必须大于 0 秒"],
    [0, "时长必须大于 0 秒"],
    [601, "时长不能超过 600 秒"],
    [12.5, "时长必须是整数秒"],
    ["abc", "时长必须是数字（秒）"],
  ])("refuses %s seconds at the field", (value, message) => {
    const issues = issuesOf(
      demoShowScriptInput({ products: [{ ...product, sellingSeconds: value as number }] }),
    );
    expect(issues).toEqual([{ path: "products.0.sellingSeconds", message }]);
  });

  it("refuses a show planned under 90 minutes, an empty product list and a non-web CTA link", () => {
    expect(issuesOf(demoShowScriptInput({ plannedMinutes: 89 }))).toEqual([
      { path: "plannedMinutes", message: "每场直播至少 90 分钟" },
    ]);
    expect(issuesOf(demoShowScriptInput({ products: [] }))[0]).toEqual({
      path: "products",
      message: "至少添加 1 个商品",
    });
    expect(issuesOf(demoShowScriptInput({ ctaUrl: "javascript:alert(1)" }))[0].path).toBe("ctaUrl");
    expect(issuesOf({ ...demoShowScriptInput(), title: "   " })[0]).toEqual({
      path: "title",
      message: "请填写直播标题",
    });
  });
});

describe("run of show", () => {
  const script = toShowScript(parse(demoShowScriptInput()).data!);
  const blocks = computeRunOfShow(script);

  it("orders opening, products pain/selling/perk, CTA, interaction between loops, closing", () => {
    expect(blocks.slice(0, 9).map((b) => b.id)).toEqual([
      "opening",
      "l1-p1-pain",
      "l1-p1-selling",
      "l1-p1-perk",
      "l1-p2-pain",
      "l1-p2-selling",
      "l1-p2-perk",
      "l1-cta",
      "l1-interaction",
    ]);
    expect(blocks[9].id).toBe("l2-p1-pain");
    expect(blocks.at(-1)!.id).toBe("closing");
    expect(blocks.at(-2)!.kind).toBe("cta");
    expect(blocks.filter((b) => b.kind === "interaction")).toHaveLength(
      blocks.filter((b) => b.kind === "cta").length - 1,
    );
    expect(blocks.find((b) => b.kind === "cta")!.ctaUrl).toBe("https://example.com/mp/live-616");
  });

  it("repeats loops until the planned 90 minutes are filled, no more than one loop over", () => {
    // opening 120 + closing 120 + n × (2 × 120 + 30) + (n − 1) × 60 ≥ 5400 → n = 16.
    expect(blocks.filter((b) => b.kind === "cta")).toHaveLength(16);
    const total = totalSeconds(blocks);
    expect(total).toBeGreaterThanOrEqual(90 * 60);
    expect(total - (2 * 120 + 30 + 60)).toBeLessThan(90 * 60);
  });

  it("starts each block where the previous one ends", () => {
    expect(blocks[0].startsAtSeconds).toBe(0);
    expect(blocks[1].startsAtSeconds).toBe(120);
    expect(blocks[2].startsAtSeconds).toBe(150);
    expect(blocks[3].startsAtSeconds).toBe(210);
    for (let i = 1; i < blocks.length; i += 1) {
      expect(blocks[i].startsAtSeconds).toBe(blocks[i - 1].startsAtSeconds + blocks[i - 1].plannedSeconds);
    }
  });

  it("stores Chinese block titles and names the same blocks in the reader's language", () => {
    const pick = (...ids: string[]) => ids.map((id) => blocks.find((b) => b.id === id)!);
    const sample = pick("opening", "l1-p1-pain", "l1-cta", "l1-interaction", "closing");
    expect(sample.map((b) => b.title)).toEqual([
      "开场",
      "第1轮 · 商品1「轩逸 经典款」痛点",
      "第1轮 · 引导留资",
      "互动 · 第1轮后",
      "收尾",
    ]);
    expect(sample.map((b) => blockTitle(b, translator("zh")))).toEqual(sample.map((b) => b.title));
    expect(sample.map((b) => blockTitle(b, translator("en")))).toEqual([
      "Opening",
      "Loop 1 · product 1 “轩逸 经典款” Pain point",
      "Loop 1 · Call to action",
      "Interaction after loop 1",
      "Closing",
    ]);
  });

  it("passes validation for the demo show", () => {
    expect(validateRunOfShow(script, blocks)).toEqual([]);
  });

  it("names the block whose text cannot be read in its seconds", () => {
    const long = {
      ...script,
      products: script.products.map((p, i) =>
        i === 1 ? { ...p, perk: { text: "好".repeat(126), seconds: 30 } } : p,
      ),
    };
    const issues = validateRunOfShow(long);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "too_fast",
      blockId: "l1-p2-perk",
      blockIndex: 6,
      path: "products.1.perk",
    });
    expect(issues[0].message).toContain("商品2「奇骏 荣耀版」的福利共 126 字");
    // 125 characters at 250 a minute is exactly 30 s: still readable.
    const exact = {
      ...long,
      products: long.products.map((p, i) =>
        i === 1 ? { ...p, perk: { text: "好".repeat(125), seconds: 30 } } : p,
      ),
    };
    expect(validateRunOfShow(exact)).toEqual([]);
  });

  it("flags empty fixed blocks and a short show at the block that causes them", () => {
    const draft = toShowScript(parse(demoShowScriptInput({ opening: undefined, ctaUrl: undefined })).data!);
    const issues = validateRunOfShow(draft);
    expect(issues.map((i) => [i.code, i.blockId, i.path])).toEqual([
      ["empty_text", "opening", "opening"],
      ["missing_cta_url", "l1-cta", "ctaUrl"],
    ]);
    const short = validateRunOfShow({ ...script, plannedMinutes: 30 });
    expect(short).toEqual([
      expect.objectContaining({ code: "too_short", blockId: "closing", path: "plannedMinutes" }),
    ]);
  });
});
