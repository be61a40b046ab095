import { describe, expect, it } from "vitest";
import {
  normalizeBoth,
  normalizeForMatch,
  normalizeForPatterns,
  originalRange,
  type NormalizedText,
} from "./normalize";

/** The original text behind the normalised range of `needle` (first occurrence). */
function originalOf(original: string, normalized: NormalizedText, needle: string): string {
  const at = normalized.text.indexOf(needle);
  expect(at, `${needle} in ${normalized.text}`).toBeGreaterThanOrEqual(0);
  const range = originalRange(normalized, at, at + needle.length);
  return original.slice(range.start, range.end);
}

describe("normalizeForMatch", () => {
  it("drops spaces, punctuation and symbols between characters", () => {
    for (const written of ["最 好", "最·好", "最*好", "最　好", "最\n好", "最 · 好", "最😀好", "最、好"]) {
      expect(normalizeForMatch(written).text, written).toBe("最好");
    }
  });

  it("drops zero-width and other invisible characters", () => {
    const invisible = [
      "\u200b",
      "\u200c",
      "\u200d",
      "\u200e",
      "\u200f",
      "\u2060",
      "\u2062",
      "\u2064",
      "\ufeff",
    ];
    for (const ch of [...invisible, "\u00ad", "\ufe0f", "\u{e0101}", "\u202e", "\u3164", "\u034f"]) {
      expect(normalizeForMatch(`最${ch}佳`).text, JSON.stringify(ch)).toBe("最佳");
    }
  });

  it("folds full-width forms and case, and look-alike letters to digits", () => {
    expect(normalizeForMatch("ＮＯ．１").text).toBe("n01");
    expect(normalizeForMatch("No.1").text).toBe("n01");
    expect(normalizeForMatch("NO.l").text).toBe("n01");
    expect(normalizeForMatch("Ｎо.1").text).toBe("n01"); // Cyrillic о
    expect(normalizeForMatch("１００％").text).toBe("100%");
    expect(normalizeForMatch("第壹").text).toBe("第一");
    expect(normalizeForMatch("第ー").text).toBe("第一");
    expect(normalizeForMatch("〇首付").text).toBe("零首付");
  });

  it("converts traditional characters to simplified, character by character", () => {
    expect(normalizeForMatch("國內第一").text).toBe("国内第一");
    expect(normalizeForMatch("豐田最優惠").text).toBe("丰田最优惠");
    expect(normalizeForMatch("零風險").text).toBe("零风险");
  });

  it("keeps the symbols that change a claim's meaning", () => {
    expect(normalizeForMatch("100 %").text).toBe("100%");
    expect(normalizeForMatch("¥ 9.98 万").text).toBe("¥998万");
  });

  it("maps every normalised unit back to its original character", () => {
    const original = "全 網\u200b最　低，ＮＯ．１";
    const n = normalizeForMatch(original);
    expect(n.text).toBe("全网最低n01");
    expect(n.starts.length).toBe(n.text.length);
    expect(n.ends.length).toBe(n.text.length);
    expect(originalOf(original, n, "网最低")).toBe("網\u200b最　低");
    expect(originalOf(original, n, "n01")).toBe("ＮＯ．１");
  });

  it("keeps surrogate pairs whole and offsets right after them", () => {
    const original = "😀😀𠮷最好";
    const n = normalizeForMatch(original);
    // The emoji are symbols (dropped); 𠮷 is a letter (two UTF-16 units, both mapped to it).
    expect(n.text).toBe("𠮷最好");
    expect(originalOf(original, n, "𠮷")).toBe("𠮷");
    expect(originalOf(original, n, "最好")).toBe("最好");
    expect(originalRange(n, 0, 1)).toEqual({ start: 4, end: 6 });
  });

  it("maps each unit of an expansion to the whole original character", () => {
    const original = "续航1000㎞";
    const n = normalizeForMatch(original);
    expect(n.text).toBe("续航1000km");
    expect(originalOf(original, n, "k")).toBe("㎞");
    expect(originalOf(original, n, "1000km")).toBe("1000㎞");
  });

  it("keeps offsets right when the simplified form is longer than the traditional one", () => {
    // U+35F2 becomes U+20D7E (a surrogate pair) through the Taiwan and Hong Kong tables.
    const original = "a\u35f2b";
    const n = normalizeForMatch(original);
    expect(n.text).toBe("a\u{20d7e}b");
    expect(originalOf(original, n, "b")).toBe("b");
    expect(originalOf(original, n, "\u{20d7e}")).toBe("\u35f2");
  });

  it("gives an empty text for an empty or all-invisible input", () => {
    const empty = normalizeForMatch("");
    expect([empty.text, empty.starts.length, empty.ends.length]).toEqual(["", 0, 0]);
    expect(normalizeForMatch(" \u200b，。").text).toBe("");
  });
});

describe("normalizeForPatterns", () => {
  it("keeps spaces and punctuation and folds no look-alikes", () => {
    expect(normalizeForPatterns("１．５Ｌ／１００ｋｍ").text).toBe("1.5l/100km");
    expect(normalizeForPatterns("１００ ％").text).toBe("100 %");
    expect(normalizeForPatterns("國\u200b內").text).toBe("国内");
  });

  it("is what normalizeBoth returns beside the match stream", () => {
    const original = "百公里油耗 ４.５Ｌ，國內ＮＯ．１";
    const both = normalizeBoth(original);
    expect(both.match).toEqual(normalizeForMatch(original));
    expect(both.pattern).toEqual(normalizeForPatterns(original));
  });
});
