import { describe, expect, it } from "vitest";
import { breakLines, lineRuns, type BrokenLine } from "./line-breaker";

// A monospace fake font: CJK 10 pt, Latin 5 pt per character, space 3 pt.
const measure = (text: string) =>
  Array.from(text).reduce(
    (sum, ch) =>
      sum + (ch === " " ? 3 : /[\u3000-\u9fff\uff00-\uffef\u2014\u2018-\u201f\u2026]/.test(ch) ? 10 : 5),
    0,
  );

function lay(text: string, width = 100, extra: { firstLineIndent?: number; justify?: boolean } = {}) {
  return breakLines({ runs: [{ text, style: "body" }], width, measure, emSize: 10, ...extra });
}

const textOf = (line: BrokenLine<string>) => line.atoms.map((a) => a.text).join("");

describe("breakLines: kinsoku", () => {
  it("never starts a line with closing punctuation: pulls the previous character down", () => {
    // Ten characters fit; the 11th is a comma that would start line two.
    const lines = lay("一二三四五六七八九十，后面还有字");
    expect(textOf(lines[0])).toBe("一二三四五六七八九");
    expect(textOf(lines[1]).startsWith("十，")).toBe(true);
  });

  it("keeps a run of closing marks together with the character before them", () => {
    const lines = lay("一二三四五六七八九十。」后面还有字");
    for (const line of lines) expect("，。、；：？！）」』”’》〉…").not.toContain(line.atoms[0].text);
    expect(textOf(lines[1]).startsWith("十。」")).toBe(true);
  });

  it("never ends a line with opening punctuation: pushes it to the next line", () => {
    const lines = lay("一二三四五六七八九《书名》后面");
    expect(textOf(lines[0])).toBe("一二三四五六七八九");
    expect(textOf(lines[1]).startsWith("《书")).toBe(true);
  });

  it("does not split a doubled dash or ellipsis", () => {
    const lines = lay("一二三四五六七八九——后面还有字");
    expect(textOf(lines[0]).endsWith("—")).toBe(false);
  });

  it("keeps Latin words and numbers whole and adds a quarter em around them", () => {
    const lines = lay("胎压2.5bar时刹车距离最短，ABS系统会工作", 100);
    const all = lines.flatMap((l) => l.atoms);
    expect(all.map((a) => a.text)).toContain("2.5bar");
    expect(all.map((a) => a.text)).toContain("ABS");
    const latin = all.find((a) => a.text === "2.5bar")!;
    expect(latin.gap).toBe(2.5);
  });

  it("drops the author's space between Chinese and Latin in favour of the quarter em", () => {
    const [line] = lay("打开 ESP 开关", 200);
    expect(line.atoms.map((a) => a.text)).toEqual(["打", "开", "ESP", "开", "关"]);
  });

  it("cuts a Latin word longer than the line instead of overflowing", () => {
    const lines = lay("https://example.com/a/very/long/path/that/never/ends", 100);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.end).toBeLessThanOrEqual(100.01);
  });
});

describe("breakLines: justification and indent", () => {
  it("justifies every line but the last to the full measure", () => {
    const text = "雨天行车要提前减速，保持安全车距，开启近光灯，让别人看见你。遇到积水路段先观察水深再通过。";
    const lines = lay(text, 95, { firstLineIndent: 20 });
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.slice(0, -1)) {
      expect(line.justified).toBe(true);
      expect(line.end).toBeCloseTo(95, 5);
    }
    const last = lines[lines.length - 1];
    expect(last.justified).toBe(false);
    expect(last.spacing).toBe(0);
  });

  it("indents the first line by the given amount only", () => {
    const lines = lay("一二三四五六七八九十一二三四五六七八九十", 100, { firstLineIndent: 20 });
    expect(lines[0].atoms[0].x).toBe(20);
    expect(lines[0].atoms).toHaveLength(8);
    expect(lines[1].atoms[0].x).toBe(0);
  });

  it("honours hard breaks and leaves those lines unjustified", () => {
    const lines = breakLines({
      runs: [
        { text: "第一行", style: "b" },
        { text: "第二行", style: "b", hardBreak: true },
      ],
      width: 100,
      measure,
      emSize: 10,
    });
    expect(lines.map(textOf)).toEqual(["第一行", "第二行"]);
    expect(lines[0].justified).toBe(false);
  });

  it("lays out a 10,000-character paragraph with every line full", () => {
    const text = "长途驾驶每两小时休息一次，".repeat(800).slice(0, 10_000);
    const lines = lay(text, 300);
    expect(lines.length).toBeGreaterThan(300);
    for (const line of lines.slice(0, -1)) expect(line.end).toBeCloseTo(300, 5);
    expect(lines.map(textOf).join("")).toBe(text);
  });

  it("returns nothing for empty or blank input", () => {
    expect(lay("")).toEqual([]);
    expect(lay("   ")).toEqual([]);
  });
});

describe("lineRuns", () => {
  it("merges CJK characters of one style into one run carrying the justification spacing", () => {
    const lines = lay("一二三四五六七八九十，后面还有字");
    const runs = lineRuns(lines[0]);
    expect(runs).toHaveLength(1);
    expect(runs[0].text).toBe("一二三四五六七八九");
    expect(runs[0].characterSpacing).toBeCloseTo(10 / 8, 5);
  });

  it("keeps Latin words as separate unspaced runs and splits at style changes", () => {
    const lines = breakLines({
      runs: [
        { text: "开启", style: "a" },
        { text: "ESP", style: "a" },
        { text: "系统", style: "b" },
      ],
      width: 200,
      measure,
      emSize: 10,
    });
    const runs = lineRuns(lines[0]);
    expect(runs.map((r) => r.text)).toEqual(["开启", "ESP", "系统"]);
    expect(runs[1].characterSpacing).toBe(0);
  });
});
