import { describe, expect, it } from "vitest";
import {
  assColor,
  assTime,
  breakCaptionLines,
  buildAssScript,
  captionLineWidth,
  escapeAssText,
  NO_LINE_END,
  NO_LINE_START,
} from "./captions";
import { notoSansScBoldPath, notoSansScRegularPath } from "~/lib/fonts.server";
import { assFontSizePerEm } from "./font-metrics.server";
import { planRender } from "./render-plan";

const lines = (text: string, maxChars = 14) => breakCaptionLines(text, { maxChars });

function assertKinsoku(result: string[]) {
  for (const [i, line] of result.entries()) {
    if (i > 0)
      expect(NO_LINE_START.has(line[0]), `line ${i} starts with ${line[0]}: ${JSON.stringify(result)}`).toBe(
        false,
      );
    if (i < result.length - 1)
      expect(
        NO_LINE_END.has(line[line.length - 1]),
        `line ${i} ends with ${line.at(-1)}: ${JSON.stringify(result)}`,
      ).toBe(false);
  }
}

describe("breakCaptionLines", () => {
  it("keeps a short caption on one line", () => {
    expect(lines("原厂零件更放心")).toEqual(["原厂零件更放心"]);
  });

  it("never exceeds the width and loses no characters", () => {
    const text = "夜班技师带你看一次真实的刹车片更换过程从拆卸到检测每一步都不马虎";
    const result = lines(text);
    expect(result.length).toBeGreaterThan(1);
    for (const line of result) expect(captionLineWidth(line)).toBeLessThanOrEqual(14);
    expect(result.join("")).toBe(text);
  });

  it("balances lines instead of leaving one orphan character", () => {
    const result = lines("一二三四五六七八九十一二三四五");
    expect(result.map((l) => l.length).sort()).toEqual([7, 8]);
    // Greedy would give 14 + 5; at word boundaries the most even split is 10 + 9.
    expect(lines("原厂零件质量可靠价格透明售后服务有保障")).toEqual([
      "原厂零件质量可靠价格",
      "透明售后服务有保障",
    ]);
  });

  it("keeps a price range whole, on one line", () => {
    expect(lines("15.8万–22.8万元")).toEqual(["15.8万–22.8万元"]);
    // The old breaker cut this one at the dash: "这款车售价15.8万–" / "22.8万元，其实很划算".
    const result = lines("这款车售价15.8万–22.8万元，其实很划算");
    expect(result.filter((l) => l.includes("15.8万–22.8万元"))).toHaveLength(1);
    assertKinsoku(result);
    // Narrower than the range: then the line holds the range alone rather than cut it.
    const narrow = breakCaptionLines("售价15.8万–22.8万元", { maxChars: 9 });
    expect(narrow).toEqual(["售价", "15.8万–22.8万元"]);
    for (const [text, range] of [
      ["续航里程为300–500公里，冬天打个八折", "300–500公里"],
      ["落地价大约10~20万之间的家用车型推荐", "10~20万"],
    ])
      expect(
        breakCaptionLines(text, { maxChars: 8 }).some((l) => l.includes(range)),
        text,
      ).toBe(true);
  });

  it("keeps a number with its unit", () => {
    const result = breakCaptionLines("这台车百公里加速只要7.9秒", { maxChars: 10 });
    expect(result.some((l) => l.includes("7.9秒"))).toBe(true);
  });

  it("breaks between words, not inside them (其实)", () => {
    // The old breaker gave "很多车主都以为冬天续航其" / "实只是低温让电池活性变差".
    const text = "很多车主都以为冬天续航其实只是低温让电池活性变差";
    const result = lines(text);
    expect(result.join("")).toBe(text);
    expect(result.some((l) => l.includes("其实"))).toBe(true);
    for (const word of ["车主", "冬天", "续航", "低温", "电池"])
      expect(
        result.some((l) => l.includes(word)),
        word,
      ).toBe(true);
    assertKinsoku(result);
  });

  it("still obeys kinsoku at word boundaries", () => {
    for (const text of [
      "其实原厂零件和副厂件的差别，很多人都不知道。",
      "技师说：「这颗螺丝其实要按扭矩拧紧。」然后示范",
      "到店报暗号“秒懂”送原厂雨伞",
    ])
      for (const maxChars of [6, 8, 11, 14]) {
        const result = breakCaptionLines(text, { maxChars });
        assertKinsoku(result);
        expect(result.join("")).toBe(text);
      }
  });

  it("never starts a line with closing punctuation", () => {
    // Greedy 14 would put "，" at the start of line 2.
    for (const closing of [..."，。、；：？！）」』”’"]) {
      const result = lines(`一二三四五六七八九十一二三四${closing}五六七八`);
      assertKinsoku(result);
      expect(result.join("")).toBe(`一二三四五六七八九十一二三四${closing}五六七八`);
    }
  });

  it("never ends a line with opening punctuation", () => {
    for (const opening of [..."（《「『“‘"]) {
      const text = `一二三四五六七八九十一二三${opening}四五六七八九十`;
      const result = lines(text);
      assertKinsoku(result);
      expect(result.join("")).toBe(text);
    }
  });

  it("handles consecutive closing marks like 。」 at a break", () => {
    const text = "他说：「一二三四五六七八九十。」然后走了很远很远的路";
    const result = lines(text);
    assertKinsoku(result);
    expect(result.join("")).toBe(text);
  });

  it("keeps Latin words and numbers whole", () => {
    const result = lines("这台车搭载2.0T发动机百公里加速7.9秒油耗6.5L还支持CarPlay互联");
    const joined = result.join("|");
    for (const word of ["2.0T", "7.9", "6.5L", "CarPlay"]) expect(joined).toContain(word);
    for (const line of result) expect(captionLineWidth(line)).toBeLessThanOrEqual(14);
  });

  it("keeps spaces between Latin words but drops them at line edges", () => {
    const result = breakCaptionLines("Apple CarPlay and Android Auto 全系标配的智能互联系统", {
      maxChars: 10,
    });
    for (const line of result) {
      expect(line).toBe(line.trim());
      expect(captionLineWidth(line)).toBeLessThanOrEqual(10);
    }
    expect(result.join(" ")).toContain("Apple CarPlay");
  });

  it("cuts a Latin run longer than a whole line instead of overflowing", () => {
    const result = breakCaptionLines("https://example.com/a-very-long-path-name-here", { maxChars: 8 });
    for (const line of result) expect(captionLineWidth(line)).toBeLessThanOrEqual(8);
    expect(result.join("")).toBe("https://example.com/a-very-long-path-name-here");
  });

  it("pulls the previous character down with closing punctuation", () => {
    expect(breakCaptionLines("一二。", { maxChars: 2 })).toEqual(["一", "二。"]);
  });

  it("lets punctuation hang when nothing can move down", () => {
    expect(breakCaptionLines("「一」", { maxChars: 2 })).toEqual(["「一」"]);
  });

  it("respects explicit newlines and ignores blank text", () => {
    expect(lines("第一行\n第二行")).toEqual(["第一行", "第二行"]);
    expect(lines("   \n  ")).toEqual([]);
  });

  it("rejects an unusable width", () => {
    expect(() => breakCaptionLines("文字", { maxChars: 1 })).toThrow();
  });
});

describe("ASS helpers", () => {
  it("converts colours to ASS byte order", () => {
    expect(assColor("#12355B")).toBe("&H005B3512");
    expect(assColor("#000000", 0x80)).toBe("&H80000000");
  });

  it("formats centisecond times", () => {
    expect(assTime(0)).toBe("0:00:00.00");
    expect(assTime(61.235)).toBe("0:01:01.24");
    expect(assTime(3600)).toBe("1:00:00.00");
  });

  it("neutralises override braces and backslashes from user text", () => {
    expect(escapeAssText("{\\pos(0,0)}hi\\N")).toBe("｛＼pos(0,0)｝hi＼N");
  });
});

describe("buildAssScript", () => {
  const planned = planRender({
    column: {
      name: "一分钟识车",
      durationSeconds: 10,
      outroLine: "到店报暗号“秒懂”送原厂雨伞",
      introCardSeconds: 2,
      outroSeconds: 2,
    },
    episode: {
      title: "全新SUV的三大亮点",
      script: [
        { text: "第一句{\\b1}字幕内容比较长需要换行显示才可以看全", seconds: 3 },
        { text: "第二句", seconds: 2 },
      ],
    },
    clips: [
      {
        id: "a",
        path: "a.mp4",
        kind: "video",
        durationSeconds: 20,
        width: 1920,
        height: 1080,
        sar: 1,
        hasAudio: true,
      },
    ],
  });
  if (!planned.ok) throw new Error(planned.message);
  const ass = buildAssScript(planned.plan, { fontFamily: "Noto Sans SC", assSizePerEm: 1.448 });

  it("targets a 1080x1920 canvas with our font and no automatic wrapping", () => {
    expect(ass).toContain("PlayResX: 1080");
    expect(ass).toContain("PlayResY: 1920");
    expect(ass).toContain("WrapStyle: 2");
  });

  it("sizes captions so the glyphs are 64 px: libass's Fontsize is the line height, 1.448 em here", async () => {
    // 64 px × (usWinAscent + usWinDescent) / unitsPerEm of Noto Sans SC = 64 × 1448 / 1000.
    expect(ass).toMatch(/^Style: Caption,Noto Sans SC,92\.67,/m);
    expect(await assFontSizePerEm(notoSansScRegularPath)).toBeCloseTo(1.448, 6);
    expect(await assFontSizePerEm(notoSansScBoldPath)).toBeCloseTo(1.448, 6);
    // The cards keep the size they always had (Fontsize 96 / 56 / 80).
    // The cards: bold (-1) and large, 96, 52 and 84 px glyphs.
    expect(ass).toMatch(/^Style: Title,Noto Sans SC,139\.01,.*?,-1,/m);
    expect(ass).toMatch(/^Style: Kicker,Noto Sans SC,75\.3,.*?,-1,/m);
    expect(ass).toMatch(/^Style: Outro,Noto Sans SC,121\.63,.*?,-1,/m);
  });

  it("times captions by the script, after the intro", () => {
    const captions = ass.split("\n").filter((l) => l.includes(",Caption,"));
    expect(captions).toHaveLength(2);
    expect(captions[0]).toContain("0:00:02.00,0:00:05.00");
    expect(captions[1]).toContain("0:00:05.00,0:00:07.00");
    expect(captions[0]).toContain("\\N");
    expect(captions[0]).not.toContain("{\\b1}");
  });

  it("shows the title card and the fixed outro line", () => {
    expect(ass).toContain("全新SUV的三大亮点".slice(0, 5));
    const outro = ass.split("\n").find((l) => l.includes(",Outro,"));
    expect(outro).toContain("0:00:08.00,0:00:10.00");
    expect(outro?.replace(/\\N/g, "")).toContain("到店报暗号“秒懂”送原厂雨伞");
  });

  it("never breaks the outro's code word or any quoted span that fits a line", () => {
    const outro = ass.split("\n").find((l) => l.includes(",Outro,"))!;
    expect(outro.split("\\N").some((line) => line.includes("“秒懂”"))).toBe(true);
    for (const [text, quoted] of [
      ["到店报暗号“秒懂”送原厂雨伞", "“秒懂”"],
      ["技师说「拧紧」再试一次", "「拧紧」"],
      ['这台车搭载"CarPlay"互联', '"CarPlay"'],
    ])
      for (const maxChars of [5, 6, 8, 9, 11, 14]) {
        const result = breakCaptionLines(text, { maxChars });
        expect(result.join("")).toBe(text);
        expect(
          result.some((line) => line.includes(quoted)),
          `${maxChars}: ${result.join(" / ")}`,
        ).toBe(true);
      }
  });
});
