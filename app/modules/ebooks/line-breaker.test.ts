import { describe, expect, it } from "vitest";
import { breakLines, lineRuns, MAX_STRETCH_EM, urlPieces, type BrokenLine } from "./line-breaker";

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

/** Extra space between each atom and the one before it, beyond the natural width and gap. */
const stretches = (line: BrokenLine<string>) =>
  line.atoms.slice(1).map((a, k) => a.x - (line.atoms[k].x + line.atoms[k].width) - a.gap);
const maxStretch = (lines: BrokenLine<string>[]) => Math.max(0, ...lines.flatMap(stretches));
/** Where each line ends, as an offset into the text with spaces removed. */
const breakOffsets = (lines: BrokenLine<string>[]) => {
  let at = 0;
  return lines.slice(0, -1).map((l) => (at += textOf(l).replace(/ /g, "").length));
};
const CAP = MAX_STRETCH_EM * 10;

describe("breakLines: URLs and long words", () => {
  it("cuts URLs only after / ? & = -, keeping :// together", () => {
    expect(urlPieces("https://example.com/a-b/c?x=1&y=2")).toEqual([
      "https://",
      "example.com/",
      "a-",
      "b/",
      "c?",
      "x=",
      "1&",
      "y=",
      "2",
    ]);
    expect(urlPieces("www.example.com/p")).toEqual(["www.example.com/", "p"]);
    expect(urlPieces("example.cn/ab/")).toEqual(["example.cn/", "ab/"]);
    // Ordinary words, numbers and units are not URLs: no break inside them.
    for (const word of ["km/h", "2.5/3.0", "T-Roc", "ABS", "1.6mm"]) expect(urlPieces(word)).toEqual([word]);
  });

  it("starts a URL right after the text before it and breaks it only at its break points", () => {
    const url = "https://chezhu.example.cn/p/nvxing-anquan?src=ebook-12&page=3";
    const text = `扫码或访问${url}了解更多`;
    const lines = lay(text, 150);
    // The URL begins on the first line, after 扫码或访问, not on a line of its own.
    expect(textOf(lines[0])).toMatch(/^扫码或访问https:\/\//);
    expect(lines.map(textOf).join("")).toBe(text);
    const urlStart = text.indexOf("https");
    for (const at of breakOffsets(lines)) {
      if (at <= urlStart || at >= urlStart + url.length) continue;
      expect("/?&=-", `break at ${at}: ${text.slice(at - 5, at)}|${text.slice(at, at + 5)}`).toContain(
        text[at - 1],
      );
    }
    for (const line of lines) expect(line.end).toBeLessThanOrEqual(150.01);
  });

  it("cuts a piece no line can hold where it overflows, starting on the current line", () => {
    const token = "A".repeat(30); // 150 pt on a 100 pt line
    const text = `编号${token}之后`;
    const lines = lay(text, 100);
    expect(lines.map(textOf).join("")).toBe(text);
    // The first line is 编号 followed by as much of the token as fits, not 编号 alone.
    expect(textOf(lines[0])).toMatch(/^编号A+$/);
    expect(lines[0].end).toBeGreaterThan(90);
    for (const line of lines) expect(line.end).toBeLessThanOrEqual(100.01);
  });

  it("moves a long word that fits on a line whole to the next line", () => {
    const lines = lay("一二三四五六七Internationalization后面", 100);
    expect(lines.map(textOf)).toEqual(["一二三四五六七", "Internationalization", "后面"]);
  });

  it("caps the stretch between characters and leaves the line ragged past the cap", () => {
    // Seven characters, then a 20-character word that has to move: 30 pt of slack over 6 gaps
    // would be 0.5 em between characters.
    const lines = lay("一二三四五六七Internationalization后面", 100);
    expect(lines[0].spacing).toBeCloseTo(CAP, 5);
    expect(lines[0].justified).toBe(false);
    expect(lines[0].end).toBeLessThan(100);
    expect(maxStretch(lines)).toBeLessThanOrEqual(CAP + 1e-6);
    // The cap is an option.
    const loose = breakLines({
      runs: [{ text: "一二三四五六七Internationalization后面", style: "b" }],
      width: 100,
      measure,
      emSize: 10,
      maxStretchEm: 1,
    });
    expect(loose[0].spacing).toBeCloseTo(5, 5);
    expect(loose[0].justified).toBe(true);
  });

  it("never stretches inside a URL or a word and draws the URL's pieces as one run", () => {
    const text = "访问https://example.com/a/b/c/d/e/f/g/h了解详情，雨季用车要点都在这里。";
    const lines = lay(text, 120);
    for (const line of lines)
      line.atoms.forEach((a, k) => {
        if (k > 0 && a.kind === "latin" && line.atoms[k - 1].kind === "latin")
          expect(a.x).toBeCloseTo(line.atoms[k - 1].x + line.atoms[k - 1].width, 6);
      });
    const runs = lines.flatMap((l) => lineRuns(l)).map((r) => r.text);
    expect(runs.filter((r) => /[a-z]/.test(r)).join("")).toBe("https://example.com/a/b/c/d/e/f/g/h");
    expect(runs.filter((r) => /[a-z]/.test(r)).length).toBe(
      lines.filter((l) => /[a-z]/.test(textOf(l))).length,
    );
    // A word split only by a style change is not pulled apart either.
    const [bold] = breakLines({
      runs: [
        { text: "胎压保持在", style: "a" },
        { text: "2.5", style: "b" },
        { text: "bar左右，冬季再高一点", style: "a" },
      ],
      width: 150,
      measure,
      emSize: 10,
    });
    const k = bold.atoms.findIndex((a) => a.text === "bar");
    expect(bold.atoms[k].x).toBeCloseTo(bold.atoms[k - 1].x + bold.atoms[k - 1].width, 6);
  });

  it("keeps every line within the measure and the stretch within the cap across mixed text", () => {
    const words = [
      "雨季",
      "行车",
      "要",
      "提前减速，",
      "ESP",
      "Internationalization",
      "https://studio.example.cn/p/lao-siji-miji?src=ebook-3",
      "www.example.com/service/booking-online",
      "2.5bar",
      "保持车距。",
      "“秒懂”",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGH",
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let p = 0; p < 200; p++) {
      const text = Array.from(
        { length: 6 + Math.floor(next() * 20) },
        () => words[Math.floor(next() * words.length)],
      ).join("");
      const width = 80 + Math.floor(next() * 220);
      const lines = lay(text, width, { firstLineIndent: next() < 0.5 ? 20 : 0 });
      expect(lines.map(textOf).join(""), text).toBe(text);
      expect(maxStretch(lines), text).toBeLessThanOrEqual(CAP + 1e-6);
      for (const line of lines) expect(line.end, `${width}: ${text}`).toBeLessThanOrEqual(width + 0.01);
    }
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
