import { describe, expect, it } from "vitest";
import { checkPatternSafety, compilePattern, PATTERN_MAX_LENGTH } from "./pattern-guard";

const FUEL = String.raw`\d+(\.\d+)?\s*[Ll升]\s*/\s*100\s*(km|公里)`;
const PERCENT = String.raw`100\s*[%％]`;

function reasonOf(source: string): string | null {
  const verdict = checkPatternSafety(source);
  return verdict.ok ? null : verdict.reason;
}

describe("checkPatternSafety", () => {
  it("accepts the library's number patterns", () => {
    for (const source of [
      PERCENT,
      FUEL,
      String.raw`\d+(\.\d+)?\s*秒破百`,
      String.raw`(零|0)\s*首付`,
      String.raw`\b\d{2,3}\s*(万|w)\s*公里`,
      String.raw`续航\s*\d+\s*(km|公里)`,
      String.raw`保\s*值\s*率\s*\d+\s*%`,
      String.raw`[^\d]{0,5}第一`,
      String.raw`(?<n>\d+)倍`,
      String.raw`\p{Script=Han}{2}第一`,
    ]) {
      expect(checkPatternSafety(source), source).toEqual({ ok: true });
    }
  });

  it("refuses nested quantifiers", () => {
    for (const source of ["(a+)+", "(a*)*", String.raw`(\d+\s*)+`, "(a?)*", "(?:ab+){2,5}", "((a)+)+"]) {
      expect(reasonOf(source), source).toBe("backtracking");
    }
  });

  it("refuses repeated alternations whose branches overlap", () => {
    for (const source of [
      "(a|aa)*",
      "(km|kg)+",
      String.raw`(\d|1)+x`,
      "(a|)+",
      String.raw`(?:\s|\u3000)+x`,
    ]) {
      expect(reasonOf(source), source).toBe("backtracking");
    }
    // Branches that cannot start alike may repeat.
    expect(reasonOf("(km|公里)+")).toBeNull();
  });

  it("refuses overlapping repeated neighbours", () => {
    for (const source of [
      String.raw`\d+\d*x`,
      ".*.*x",
      String.raw`\s*(\s*x)?y`,
      String.raw`a+(b?)a+`,
      String.raw`\w+\d+`,
    ]) {
      expect(reasonOf(source), source).toBe("backtracking");
    }
    expect(reasonOf(String.raw`\d+\s*\d`)).toBeNull();
  });

  it("refuses backreferences and lookaround", () => {
    for (const source of [
      String.raw`(a)\1`,
      String.raw`(?<x>a)\k<x>`,
      "a(?=b)",
      "a(?!b)",
      "(?<=a)b",
      "(?<!a)b",
    ]) {
      expect(reasonOf(source), source).toBe("unsupported");
    }
  });

  it("refuses patterns that do not compile", () => {
    for (const source of ["(", "[a", "a{2", "\\", "*a", String.raw`\q`, "a)"]) {
      expect(reasonOf(source), source).toBe("syntax");
    }
    const verdict = checkPatternSafety("(");
    expect(verdict.ok === false && verdict.message.length > 0).toBe(true);
  });

  it("refuses patterns over 200 characters", () => {
    const limit = "a".repeat(PATTERN_MAX_LENGTH);
    expect(reasonOf(limit)).toBeNull();
    expect(reasonOf(`${limit}a`)).toBe("too_long");
  });

  it("refuses patterns that match empty text and huge repeat counts", () => {
    expect(reasonOf(String.raw`\d*`)).toBe("unsupported");
    expect(reasonOf("(a?)")).toBe("unsupported");
    expect(reasonOf("a{0,1000}b")).toBe("unsupported");
  });
});

describe("compilePattern", () => {
  it("bounds unbounded quantifiers and keeps the rest of the pattern", () => {
    const compiled = compilePattern(FUEL);
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const bounded = String.raw`\d{1,33}(\.\d{1,33})?\s{0,32}[Ll升]\s{0,32}/\s{0,32}100\s{0,32}(km|公里)`;
    expect(compiled.regex.source).toBe(new RegExp(bounded).source);
    expect(compiled.regex.flags).toBe("giu");
    const lazy = compilePattern(String.raw`a{2,}?b`);
    expect(lazy.ok && lazy.regex.source).toBe(String.raw`a{2,34}?b`);
  });

  it("stays fast on the 50,000 characters that almost match", () => {
    const compiled = compilePattern(FUEL);
    if (!compiled.ok) throw new Error(compiled.message);
    const started = performance.now();
    for (const text of ["1".repeat(50_000), " ".repeat(50_000), "1.1".repeat(16_000)]) {
      compiled.regex.lastIndex = 0;
      expect(compiled.regex.exec(text)).toBeNull();
    }
    // Unbounded, the digits alone take seconds; bounded, tens of milliseconds at most.
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
