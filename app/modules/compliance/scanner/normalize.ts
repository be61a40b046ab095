/**
 * The normalisation the compliance scanner matches over, with a map back to the original text.
 *
 * Each ORIGINAL code point is normalised on its own (so the map stays exact whatever the steps
 * do to lengths) and may give zero, one or several characters:
 *
 *  1. Default-ignorable and format characters are removed: zero-width space and joiners
 *     (U+200B–U+200F), word joiner and invisible operators (U+2060–U+2064), U+FEFF, the soft
 *     hyphen, bidi controls, variation selectors, Hangul fillers and the like.
 *  2. NFKC, per code point: full-width forms become half-width (`ＮＯ．１` → `NO.1`, `％` → `%`),
 *     compatibility characters their plain spelling (`㎞` → `km`, `①` → `1`, CJK compatibility
 *     ideographs their unified form).
 *  3. Lower-casing (`NO` → `no`).
 *  4. Traditional to simplified Chinese, character by character through OpenCC's Hong Kong and
 *     Taiwan tables (`國內第一` → `国内第一`). Per character means phrase-level choices are not
 *     made (乾 always becomes 干); the library's terms go through the same function, so both sides
 *     agree.
 *
 * Two streams come out of these steps:
 *
 *  - the MATCH stream (`normalizeForMatch`), for literal terms and text shingles: spaces,
 *    punctuation, symbols (emoji included), combining marks and control characters are dropped,
 *    so `最 好`, `最·好`, `最*好` and `最\u200b好` all read `最好`. Kept: letters, digits and
 *    the symbols that carry meaning in an advertising claim (`% ‰ ‱ ¥ $ € £ °`), so the term
 *    `100%` does not shrink to `100`. Then a small, explicit table of look-alikes is folded
 *    (LOOK_ALIKES below: Latin o/l and their Cyrillic/Greek twins to the digits 0/1, a few
 *    Cyrillic letters to their Latin twins, `〇` to `零`, the financial `壹`/`贰` to `一`/`二`,
 *    the katakana long mark `ー` to `一`).
 *  - the PATTERN stream (`normalizeForPatterns`), for the library's regular expressions: steps
 *    1–4 only. Spaces and punctuation stay (`1.5L/100km` needs its `.` and `/`; patterns spell
 *    optional spaces as `\s*`) and no look-alikes are folded (`[Ll升]` must still see the `l`).
 *
 * Offsets: `starts[i]` and `ends[i]` give, for the normalised UTF-16 unit `i`, the range of the
 * original code point it came from, in original UTF-16 units (end exclusive). Every unit of one
 * original code point carries the same range, so a surrogate pair is never split and a match
 * covering part of an expansion (`km` of `㎞`) reports the whole original character. A normalised
 * range [a, b) is the original range [starts[a], ends[b − 1]) — see `originalRange`.
 *
 * Pure and browser-safe; each distinct code point is worked out once and cached.
 */
import { Converter } from "opencc-js/t2cn";

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** For each UTF-16 unit of `text`: where its original character starts in the original text. */
  starts: number[];
  /** For each UTF-16 unit of `text`: where its original character ends (exclusive). */
  ends: number[];
}

/** Look-alikes folded in the match stream (after NFKC and lower-casing). Keep it short. */
export const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Latin letters written for digits: "N0.1", "NO.l", "TOP l".
  o: "0",
  l: "1",
  // Cyrillic and Greek twins of Latin letters (and of o).
  а: "a",
  е: "e",
  о: "0",
  р: "p",
  с: "c",
  у: "y",
  х: "x",
  і: "i",
  ο: "0",
  // Chinese numerals: the written zero, the financial forms of one and two, the long-vowel mark.
  〇: "零",
  壹: "一",
  贰: "二",
  ー: "一",
};

/** Symbols that carry meaning in a claim and therefore stay in the match stream. */
const KEPT_SYMBOLS = new Set(["%", "‰", "‱", "¥", "$", "€", "£", "°"]);

const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}]$/u;
const SEPARATOR = /^[\p{White_Space}\p{P}\p{S}\p{M}\p{C}]$/u;
const HAN = /^\p{Script=Han}$/u;

interface CodePointForms {
  /** What the code point becomes in the pattern stream. */
  pattern: string;
  /** What the code point becomes in the match stream. */
  match: string;
}

let toSimplified: ((text: string) => string) | null = null;

function simplified(ch: string): string {
  if (!toSimplified) {
    const fromHongKong = Converter({ from: "hk", to: "cn" });
    const fromTaiwan = Converter({ from: "tw", to: "cn" });
    toSimplified = (s) => fromTaiwan(fromHongKong(s));
  }
  return toSimplified(ch);
}

function formsOf(cp: number): CodePointForms {
  const ch = String.fromCodePoint(cp);
  if (INVISIBLE.test(ch)) return { pattern: "", match: "" };
  let pattern = "";
  let match = "";
  for (const nfkc of ch.normalize("NFKC")) {
    for (const lower of nfkc.toLowerCase()) {
      const out = HAN.test(lower) ? simplified(lower) : lower;
      pattern += out;
      for (const c of out) {
        if (SEPARATOR.test(c) && !KEPT_SYMBOLS.has(c)) continue;
        match += LOOK_ALIKES[c] ?? c;
      }
    }
  }
  return { pattern, match };
}

const bmpForms: (CodePointForms | undefined)[] = new Array(0x10000);
const astralForms = new Map<number, CodePointForms>();

function cachedForms(cp: number): CodePointForms {
  if (cp < 0x10000) return (bmpForms[cp] ??= formsOf(cp));
  let forms = astralForms.get(cp);
  if (!forms) {
    forms = formsOf(cp);
    astralForms.set(cp, forms);
  }
  return forms;
}

/** Both streams of one text in one pass (what the scanner uses). */
export interface NormalizedStreams {
  match: NormalizedText;
  pattern: NormalizedText;
}

function normalizeStreams(text: string, wantMatch: boolean, wantPattern: boolean): NormalizedStreams {
  let matchText = "";
  const matchStarts: number[] = [];
  const matchEnds: number[] = [];
  let patternText = "";
  const patternStarts: number[] = [];
  const patternEnds: number[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const cp = text.codePointAt(i)!;
    const end = i + (cp > 0xffff ? 2 : 1);
    const forms = cachedForms(cp);
    if (wantMatch && forms.match !== "") {
      matchText += forms.match;
      for (let k = 0; k < forms.match.length; k++) {
        matchStarts.push(i);
        matchEnds.push(end);
      }
    }
    if (wantPattern && forms.pattern !== "") {
      patternText += forms.pattern;
      for (let k = 0; k < forms.pattern.length; k++) {
        patternStarts.push(i);
        patternEnds.push(end);
      }
    }
    i = end;
  }
  return {
    match: { text: matchText, starts: matchStarts, ends: matchEnds },
    pattern: { text: patternText, starts: patternStarts, ends: patternEnds },
  };
}

/** The match stream: what literal terms are matched over (and originality shingles are cut from). */
export function normalizeForMatch(text: string): NormalizedText {
  return normalizeStreams(text, true, false).match;
}

/** The pattern stream: what the library's regular expressions are matched over. */
export function normalizeForPatterns(text: string): NormalizedText {
  return normalizeStreams(text, false, true).pattern;
}

/** Both streams in one pass. */
export function normalizeBoth(text: string): NormalizedStreams {
  return normalizeStreams(text, true, true);
}

/**
 * The original range of the normalised range [start, end) (end exclusive, start < end), in
 * original UTF-16 units.
 */
export function originalRange(
  normalized: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  return { start: normalized.starts[start]!, end: normalized.ends[end - 1]! };
}
