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
  starts: Int32Array;
  /** For each UTF-16 unit of `text`: where its original character ends (exclusive). */
  ends: Int32Array;
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

/**
 * Forms of the code points seen so far. For BMP code points, two flat tables give the unit each
 * stream gets when it is one (the common case), DROPPED when it is none, EXPANDED when it is
 * several (then the map has the strings); a high surrogate is SURROGATE: the pair's code point
 * goes through the map.
 */
const UNSEEN = -4;
const SURROGATE = -3;
const EXPANDED = -2;
const DROPPED = -1;
const bmpMatch = new Int32Array(0x10000).fill(UNSEEN);
const bmpPattern = new Int32Array(0x10000).fill(UNSEEN);
const expandedForms = new Map<number, CodePointForms>();

function unitOf(form: string): number {
  return form === "" ? DROPPED : form.length === 1 ? form.charCodeAt(0) : EXPANDED;
}

function learn(cp: number): void {
  if (cp >= 0xd800 && cp < 0xdc00) {
    bmpMatch[cp] = bmpPattern[cp] = SURROGATE;
    return;
  }
  const forms = formsOf(cp);
  bmpMatch[cp] = unitOf(forms.match);
  bmpPattern[cp] = unitOf(forms.pattern);
  if (bmpMatch[cp] === EXPANDED || bmpPattern[cp] === EXPANDED) expandedForms.set(cp, forms);
}

/** The forms of any code point, through the map. */
function expanded(cp: number): CodePointForms {
  let forms = expandedForms.get(cp);
  if (!forms) {
    forms = formsOf(cp);
    expandedForms.set(cp, forms);
  }
  return forms;
}

/** Both streams of one text in one pass (what the scanner uses). */
export interface NormalizedStreams {
  match: NormalizedText;
  pattern: NormalizedText;
}

/**
 * The scratch arrays every stream is written into (one stream at a time: nothing here calls back
 * into this module's writers), grown as needed and copied out at the end, so a call allocates
 * only its results.
 */
let scratchUnits = new Uint16Array(4096);
let scratchStarts = new Int32Array(4096);
let scratchEnds = new Int32Array(4096);

function growScratch(needed: number): void {
  const capacity = Math.max(needed, scratchUnits.length * 2);
  const units = new Uint16Array(capacity);
  const starts = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  units.set(scratchUnits);
  starts.set(scratchStarts);
  ends.set(scratchEnds);
  scratchUnits = units;
  scratchStarts = starts;
  scratchEnds = ends;
}

/**
 * Writes one stream of `text` into the scratch arrays and returns its length: the hot loop of
 * every scan. A BMP code point whose form is a single unit (nearly all of them) is written
 * straight in; an expansion or a surrogate pair takes the slower branch.
 */
function writeStream(text: string, table: Int32Array, formOf: (forms: CodePointForms) => string): number {
  const length = text.length;
  if (scratchUnits.length < length) growScratch(length);
  let units = scratchUnits;
  let starts = scratchStarts;
  let ends = scratchEnds;
  let n = 0;
  let i = 0;
  while (i < length) {
    const unit = text.charCodeAt(i);
    let form = table[unit]!;
    if (form === UNSEEN) {
      learn(unit);
      form = table[unit]!;
    }
    if (form >= 0 && n < units.length) {
      units[n] = form;
      starts[n] = i;
      ends[n] = i + 1;
      n++;
      i++;
    } else if (form === DROPPED) {
      i++;
    } else {
      // An expansion, a surrogate pair, or full scratch arrays.
      const cp = form === SURROGATE ? text.codePointAt(i)! : unit;
      const end = i + (cp > 0xffff ? 2 : 1);
      const out = formOf(expanded(cp));
      if (n + out.length > units.length) {
        growScratch(n + out.length + length);
        units = scratchUnits;
        starts = scratchStarts;
        ends = scratchEnds;
      }
      for (let k = 0; k < out.length; k++, n++) {
        units[n] = out.charCodeAt(k);
        starts[n] = i;
        ends[n] = end;
      }
      i = end;
    }
  }
  return n;
}

/** The first `n` scratch units as a string. */
function scratchText(n: number): string {
  let text = "";
  for (let k = 0; k < n; k += 4096) {
    const chunk = scratchUnits.subarray(k, Math.min(n, k + 4096));
    text += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return text;
}

function buildStream(
  text: string,
  table: Int32Array,
  formOf: (forms: CodePointForms) => string,
): NormalizedText {
  const n = writeStream(text, table, formOf);
  return { text: scratchText(n), starts: scratchStarts.slice(0, n), ends: scratchEnds.slice(0, n) };
}

const matchForm = (forms: CodePointForms) => forms.match;
const patternForm = (forms: CodePointForms) => forms.pattern;

/** The match stream: what literal terms are matched over (and originality shingles are cut from). */
export function normalizeForMatch(text: string): NormalizedText {
  return buildStream(text, bmpMatch, matchForm);
}

/** The match stream's text alone, without offsets: `normalizeForMatch(text).text`, cheaper. */
export function matchText(text: string): string {
  return scratchText(writeStream(text, bmpMatch, matchForm));
}

/** The pattern stream: what the library's regular expressions are matched over. */
export function normalizeForPatterns(text: string): NormalizedText {
  return buildStream(text, bmpPattern, patternForm);
}

/** The pattern stream's text alone, without offsets. */
export function patternText(text: string): string {
  return scratchText(writeStream(text, bmpPattern, patternForm));
}

/** Both streams (what the scanner uses when the library has patterns). */
export function normalizeBoth(text: string): NormalizedStreams {
  return { match: normalizeForMatch(text), pattern: normalizeForPatterns(text) };
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
