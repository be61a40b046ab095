import { describe, expect, it } from "vitest";
import type { Finding, ScanTerm } from "../compliance-types";
import { compileLibrary, scanCompiled, scanTerms } from "./scan";

let nextId = 1;
function term(text: string, over: Partial<ScanTerm> = {}): ScanTerm {
  return {
    id: nextId++,
    term: text,
    pattern: null,
    category: "absolute",
    severity: "block",
    reason: `“${text}”是绝对化用语`,
    basis: "《广告法》第九条",
    suggestion: "改用可证实的表述",
    allowedContexts: [],
    ...over,
  };
}

function pattern(source: string, over: Partial<ScanTerm> = {}): ScanTerm {
  return term("", { term: null, pattern: source, category: "auto_fuel", ...over });
}

/** Each finding as its term and the original text it covers (checked against the offsets). */
function hits(findings: Finding[], text: string): [string, string][] {
  return findings.map((f) => {
    expect(f.match).toBe(text.slice(f.start, f.end));
    return [f.term, f.match];
  });
}

const BEST = term("最佳");
const NO1 = term("NO.1");
const DOMESTIC_FIRST = term("国内第一");
const MOST = term("最", { allowedContexts: ["最近", "最后", "最初"], severity: "review" });
const FIRST = term("第一", { allowedContexts: ["第一次", "第一时间"] });
const ONE = term("一", { allowedContexts: ["一汽"], severity: "review" });
const PERCENT = pattern(String.raw`100\s*[%％]`, { category: "quality" });
const FUEL = pattern(String.raw`\d+(\.\d+)?\s*[Ll升]\s*/\s*100\s*(km|公里)`);

describe("scanCompiled: evasions", () => {
  const lib = compileLibrary([BEST, NO1, DOMESTIC_FIRST]);

  it.each([
    ["inserted spaces", "这款车是同级最 佳选择", "最 佳"],
    ["a full-width space", "这款车是同级最　佳选择", "最　佳"],
    ["punctuation", "这款车是同级最·佳选择", "最·佳"],
    ["a symbol", "这款车是同级最*佳选择", "最*佳"],
    ["a zero-width space", "这款车是同级最\u200b佳选择", "最\u200b佳"],
    ["several invisible characters", "同级最\u200d\ufeff\u00ad\u2060佳", "最\u200d\ufeff\u00ad\u2060佳"],
    ["a line break", "同级最\n佳", "最\n佳"],
  ])("finds 最佳 through %s, at its original offsets", (_, text, covered) => {
    const findings = scanCompiled(lib, text);
    expect(hits(findings, text)).toEqual([["最佳", covered]]);
    expect(findings[0]!.start).toBe(text.indexOf("最"));
  });

  it("finds NO.1 written in full-width characters and in other cases", () => {
    for (const written of ["ＮＯ．１", "No.1", "no 1", "N0.1", "NO.l", "№1"]) {
      const text = `销量${written}的车型`;
      expect(hits(scanCompiled(lib, text), text), written).toEqual([["NO.1", written]]);
    }
  });

  it("finds a simplified term written in traditional characters", () => {
    for (const written of ["國內第一", "國 內 第 一", "國內第壹"]) {
      const text = `口碑${written}！`;
      expect(hits(scanCompiled(lib, text), text), written).toEqual([["国内第一", written]]);
    }
  });

  it("keeps offsets right after emoji and other characters outside the BMP", () => {
    const text = "🚗🚗𠮷新车上市，最佳之选👍";
    const [finding] = scanCompiled(lib, text);
    expect(finding).toMatchObject({ term: "最佳", match: "最佳", start: 11, end: 13 });
    // An emoji inside the term is skipped like any symbol.
    const inside = "最🔥佳";
    expect(hits(scanCompiled(lib, inside), inside)).toEqual([["最佳", "最🔥佳"]]);
  });

  it("finds nothing in an empty text or with an empty library", () => {
    expect(scanCompiled(lib, "")).toEqual([]);
    expect(scanCompiled(compileLibrary([]), "最佳")).toEqual([]);
  });

  it("reports the finding with the library's reason, basis and suggestion", () => {
    const [finding] = scanCompiled(lib, "最佳");
    expect(finding).toEqual({
      termId: BEST.id,
      term: "最佳",
      match: "最佳",
      category: "absolute",
      severity: "block",
      start: 0,
      end: 2,
      reason: BEST.reason,
      basis: BEST.basis,
      suggestion: BEST.suggestion,
    });
  });
});

describe("scanCompiled: allowed contexts", () => {
  it("does not count 最 in 最近 or 最后, but counts the 最 beside them", () => {
    const text = "最近到店的客户最后都说最划算";
    const findings = scanCompiled(compileLibrary([MOST]), text);
    expect(hits(findings, text)).toEqual([["最", "最"]]);
    expect(findings[0]!.start).toBe(text.lastIndexOf("最"));
  });

  it("does not count 第一 in 第一次, nor 一 in 一汽", () => {
    expect(scanCompiled(compileLibrary([FIRST]), "第一次试驾")).toEqual([]);
    expect(scanCompiled(compileLibrary([ONE]), "一汽大众")).toEqual([]);
    const text = "第一次试驾一汽大众，销量第一";
    expect(hits(scanCompiled(compileLibrary([FIRST, ONE]), text), text)).toEqual([
      // The 一 of 第一次 is not inside 一汽: only 第一's context covers it.
      ["一", "一"],
      ["第一", "第一"],
      ["一", "一"],
    ]);
  });

  it("recognises an allowed context through the same normalisation", () => {
    const lib = compileLibrary([MOST, FIRST]);
    expect(scanCompiled(lib, "第 一 次试驾，最\u3000近到店")).toEqual([]);
    expect(scanCompiled(lib, "第一時間到店")).toEqual([]);
    expect(scanCompiled(compileLibrary([ONE]), "一\u200b汽出品")).toEqual([]);
  });

  it("cancels a pattern's hit inside its allowed context", () => {
    const withContext = pattern(String.raw`100\s*%`, { allowedContexts: ["100%电动"] });
    const patternLib = compileLibrary([withContext]);
    expect(scanCompiled(patternLib, "100%电动车")).toEqual([]);
    expect(scanCompiled(patternLib, "100%满意")).toHaveLength(1);
  });
});

describe("scanCompiled: overlapping terms", () => {
  const BEST_OF = term("最好的");
  const GOOD = term("最好");
  const lib = compileLibrary([term("最"), GOOD, BEST_OF]);

  it("reports every term that matches, leftmost first and the longest first at one start", () => {
    const text = "这是最好的车";
    expect(hits(scanCompiled(lib, text), text)).toEqual([
      ["最好的", "最好的"],
      ["最好", "最好"],
      ["最", "最"],
    ]);
  });

  it("reports two different terms that overlap without one containing the other", () => {
    const overlapping = compileLibrary([term("安全第"), term("第一名")]);
    const text = "安全第一名";
    expect(hits(scanCompiled(overlapping, text), text)).toEqual([
      ["安全第", "安全第"],
      ["第一名", "第一名"],
    ]);
  });

  it("reports each occurrence of a term once", () => {
    const text = "最好最好";
    const findings = scanCompiled(compileLibrary([GOOD]), text);
    expect(findings.map((f) => [f.start, f.end])).toEqual([
      [0, 2],
      [2, 4],
    ]);
    // Twice inside one original character is one finding at that character.
    const mm = compileLibrary([term("m")]);
    expect(scanCompiled(mm, "轴距2㎜").map((f) => f.match)).toEqual(["㎜"]);
  });

  it("reports one entry per place when two entries read the same, the blocking one first", () => {
    const review = term("最高级", { severity: "review" });
    const block = term("最 高 级", { severity: "block" });
    const findings = scanCompiled(compileLibrary([review, block]), "最高级配置");
    expect(findings.map((f) => f.termId)).toEqual([block.id]);
  });
});

describe("scanCompiled: patterns", () => {
  const lib = compileLibrary([PERCENT, FUEL]);

  it.each([
    ["100%", "100%"],
    ["１００ ％", "１００ ％"],
    ["100 ％", "100 ％"],
    ["１００％", "１００％"],
  ])("finds %s", (written) => {
    const text = `客户满意度${written}！`;
    expect(hits(scanCompiled(lib, text), text)).toEqual([[PERCENT.pattern, written]]);
  });

  it("finds fuel figures, in any width and case, and not a bare number", () => {
    for (const written of ["4.5L/100km", "４．５Ｌ／１００ｋｍ", "5 升 / 100 公里", "6l/100KM"]) {
      const text = `百公里油耗仅${written}，`;
      expect(hits(scanCompiled(lib, text), text), written).toEqual([[FUEL.pattern, written]]);
    }
    expect(scanCompiled(lib, "指导价100万，满100减10")).toEqual([]);
  });

  it("reports pattern and literal findings together in text order", () => {
    const mixed = compileLibrary([PERCENT, BEST]);
    const text = "最佳选择，100%满意";
    expect(hits(scanCompiled(mixed, text), text)).toEqual([
      ["最佳", "最佳"],
      [PERCENT.pattern, "100%"],
    ]);
  });
});

describe("compileLibrary", () => {
  it("skips entries that cannot match and says why", () => {
    const blank = term(" ，。");
    const unsafe = pattern("(a+)+");
    const broken = pattern("(");
    const both = term("最佳", { pattern: "x" });
    const lib = compileLibrary([BEST, blank, unsafe, broken, both]);
    expect(lib.size).toBe(1);
    expect(lib.skipped).toEqual([
      { termId: blank.id, reason: "empty" },
      { termId: unsafe.id, reason: "backtracking" },
      { termId: broken.id, reason: "syntax" },
      { termId: both.id, reason: "invalid" },
    ]);
    expect(scanCompiled(lib, "最佳 aaaa")).toHaveLength(1);
  });

  it("compiles 5,000 terms quickly and finds each of them", () => {
    const terms = Array.from({ length: 5_000 }, (_, i) => term(`违规词${i.toString(36)}号`));
    const started = performance.now();
    const lib = compileLibrary(terms);
    // Well under 100 ms on a quiet machine; the bound leaves room for a busy one.
    expect(performance.now() - started).toBeLessThan(1_000);
    const text = "这里有违规词zz号，还有违规词0号";
    expect(scanCompiled(lib, text).map((f) => f.term)).toEqual(["违规词zz号", "违规词0号"]);
  });

  it("scans the same way through scanTerms", () => {
    expect(scanTerms([BEST], "最 佳")).toEqual(scanCompiled(compileLibrary([BEST]), "最 佳"));
  });
});
