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
 * Forms of the code points seen so far. For BMP code points, one flat table gives the unit each
 * stream gets when it is one (the common case), DROPPED when it is none, EXPANDED when it is
 * several (then the map has the strings): the match stream's at `2 × unit`, the pattern stream's
 * at `2 × unit + 1`, side by side so that a character costs one cache line, not two (the text's
 * characters are scattered over the table, and a scan often starts with a cold cache). Surrogates
 * are SURROGATE: a pair's code point goes through the map, and so does a lone surrogate, so that
 * the writer can see it (the text decoder would replace it).
 */
const UNSEEN = -4;
const SURROGATE = -3;
const EXPANDED = -2;
const DROPPED = -1;
const bmpForms = new Int32Array(0x20000).fill(UNSEEN);
const expandedForms = new Map<number, CodePointForms>();

function unitOf(form: string): number {
  return form === "" ? DROPPED : form.length === 1 ? form.charCodeAt(0) : EXPANDED;
}

function learn(cp: number): void {
  if (cp >= 0xd800 && cp <= 0xdfff) {
    bmpForms[2 * cp] = bmpForms[2 * cp + 1] = SURROGATE;
    return;
  }
  const forms = formsOf(cp);
  bmpForms[2 * cp] = unitOf(forms.match);
  bmpForms[2 * cp + 1] = unitOf(forms.pattern);
  if (bmpForms[2 * cp] === EXPANDED || bmpForms[2 * cp + 1] === EXPANDED) expandedForms.set(cp, forms);
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

/** Both streams of one text in one pass. */
export interface NormalizedStreams {
  match: NormalizedText;
  pattern: NormalizedText;
}

/**
 * A stream as the scanner reads it: its first `length` units and where each one's original code
 * point starts. Where it ends follows from the original text (`originalEnd`), so the writer does
 * not store it.
 */
export interface StreamView {
  readonly units: Uint16Array;
  readonly starts: Int32Array;
  readonly length: number;
}

/** The end (exclusive) of the original code point that starts at `start` in `text`. */
export function originalEnd(text: string, start: number): number {
  const unit = text.charCodeAt(start);
  if (unit < 0xd800 || unit > 0xdbff) return start + 1;
  const next = text.charCodeAt(start + 1);
  return next >= 0xdc00 && next <= 0xdfff ? start + 2 : start + 1;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Decodes UTF-16 units in one native call; null where unavailable. Keeps a leading U+FEFF. */
const decoder: TextDecoder | null = (() => {
  try {
    return LITTLE_ENDIAN ? new TextDecoder("utf-16le", { ignoreBOM: true }) : null;
  } catch {
    return null;
  }
})();

/**
 * The scratch arrays one stream is written into, grown as needed and reused by every call, so a
 * scan allocates nothing per character. Nothing in this module calls back into a writer, and
 * the scanner reads a stream before it normalises anything else.
 */
class StreamBuffer implements StreamView {
  units = new Uint16Array(4096);
  starts = new Int32Array(4096);
  length = 0;
  /** Whether a lone surrogate was written (the text decoder would replace it). */
  lone = false;
  /** Whether a unit came from a surrogate pair (then not every original range is one unit). */
  pairs = false;

  /** Makes room for `needed` units, keeping the first `this.length`. */
  reserve(needed: number): void {
    if (needed <= this.units.length) return;
    const capacity = Math.max(needed, this.units.length * 2);
    const units = new Uint16Array(capacity);
    const starts = new Int32Array(capacity);
    units.set(this.units.subarray(0, this.length));
    starts.set(this.starts.subarray(0, this.length));
    this.units = units;
    this.starts = starts;
  }

  text(): string {
    const n = this.length;
    if (decoder && !this.lone) return decoder.decode(this.units.subarray(0, n));
    let text = "";
    for (let k = 0; k < n; k += 4096) {
      const chunk = this.units.subarray(k, Math.min(n, k + 4096));
      text += String.fromCharCode.apply(null, chunk as unknown as number[]);
    }
    return text;
  }

  /** The stream of `original` as a NormalizedText of its own. */
  copy(original: string, text = this.text()): NormalizedText {
    const starts = this.starts.slice(0, this.length);
    const ends = new Int32Array(this.length);
    if (this.pairs) for (let k = 0; k < ends.length; k++) ends[k] = originalEnd(original, starts[k]!);
    else for (let k = 0; k < ends.length; k++) ends[k] = starts[k]! + 1;
    return { text, starts, ends };
  }
}

const matchBuffer = new StreamBuffer();
const patternBuffer = new StreamBuffer();

const MATCH = 1;
const PATTERN = 2;

/**
 * Writes the asked streams of `text` into their buffers in ONE pass over the text: the hot loop
 * of every scan. A BMP code point whose forms are a single unit or nothing (nearly all of them)
 * takes the first branch, a table look-up per stream and no call; an expansion or a surrogate
 * takes the second. Returns whether the pattern stream is `text` itself, unit for unit, so that
 * its string need not be built.
 */
function writeStreams(text: string, streams: number): boolean {
  const length = text.length;
  const wantMatch = (streams & MATCH) !== 0;
  const wantPattern = (streams & PATTERN) !== 0;
  const m = matchBuffer;
  const p = patternBuffer;
  m.length = p.length = 0;
  m.lone = p.lone = m.pairs = p.pairs = false;
  // Invariant: capacity − written ≥ units left to read, so the first branch never overflows.
  if (wantMatch) m.reserve(length);
  if (wantPattern) p.reserve(length);
  let mUnits = m.units;
  let mStarts = m.starts;
  let pUnits = p.units;
  let pStarts = p.starts;
  let mn = 0;
  let pn = 0;
  let same = true;
  let i = 0;
  while (i < length) {
    const unit = text.charCodeAt(i);
    let mf = bmpForms[2 * unit]!;
    if (mf === UNSEEN) {
      learn(unit);
      mf = bmpForms[2 * unit]!;
    }
    const pf = bmpForms[2 * unit + 1]!;
    if (mf >= DROPPED && pf >= DROPPED) {
      if (wantMatch && mf >= 0) {
        mUnits[mn] = mf;
        mStarts[mn] = i;
        mn++;
      }
      if (wantPattern) {
        if (pf >= 0) {
          pUnits[pn] = pf;
          pStarts[pn] = i;
          pn++;
          if (pf !== unit) same = false;
        } else {
          same = false;
        }
      }
      i++;
      continue;
    }
    // An expansion, a surrogate pair or a lone surrogate.
    const cp = mf === SURROGATE ? text.codePointAt(i)! : unit;
    const end = i + (cp > 0xffff ? 2 : 1);
    const forms = expanded(cp);
    const lone = cp >= 0xd800 && cp <= 0xdfff;
    const pair = end - i === 2;
    if (wantMatch && forms.match !== "") {
      const out = forms.match;
      m.length = mn;
      m.reserve(mn + out.length + (length - end));
      mUnits = m.units;
      mStarts = m.starts;
      for (let k = 0; k < out.length; k++, mn++) {
        mUnits[mn] = out.charCodeAt(k);
        mStarts[mn] = i;
      }
      if (lone) m.lone = true;
      if (pair) m.pairs = true;
    }
    if (wantPattern) {
      const out = forms.pattern;
      if (out.length !== end - i || !text.startsWith(out, i)) same = false;
      if (out !== "") {
        p.length = pn;
        p.reserve(pn + out.length + (length - end));
        pUnits = p.units;
        pStarts = p.starts;
        for (let k = 0; k < out.length; k++, pn++) {
          const c = out.charCodeAt(k);
          pUnits[pn] = c;
          pStarts[pn] = i;
        }
        if (lone) p.lone = true;
        if (pair) p.pairs = true;
      }
    }
    i = end;
  }
  m.length = mn;
  p.length = pn;
  return same;
}

/** The match stream: what literal terms are matched over (and originality shingles are cut from). */
export function normalizeForMatch(text: string): NormalizedText {
  writeStreams(text, MATCH);
  return matchBuffer.copy(text);
}

/** The match stream's text alone, without offsets: `normalizeForMatch(text).text`, cheaper. */
export function matchText(text: string): string {
  writeStreams(text, MATCH);
  return matchBuffer.text();
}

/** The pattern stream: what the library's regular expressions are matched over. */
export function normalizeForPatterns(text: string): NormalizedText {
  const same = writeStreams(text, PATTERN);
  return patternBuffer.copy(text, same ? text : undefined);
}

/** The pattern stream's text alone, without offsets. */
export function patternText(text: string): string {
  return writeStreams(text, PATTERN) ? text : patternBuffer.text();
}

/** Both streams, in one pass. */
export function normalizeBoth(text: string): NormalizedStreams {
  const same = writeStreams(text, MATCH | PATTERN);
  return { match: matchBuffer.copy(text), pattern: patternBuffer.copy(text, same ? text : undefined) };
}

/**
 * Both streams of `text` as the scanner reads them, without copies: the views are the module's
 * scratch buffers and stay valid only until the next call into this module.
 */
export interface ScanStreams {
  readonly match: StreamView;
  /** The pattern stream (empty unless asked for). */
  readonly pattern: StreamView;
  /** The pattern stream as a string, built on the first call (or `text` itself when equal). */
  patternText(): string;
}

/** The streams the scanner needs: the match stream, and the pattern stream when asked for. */
export function normalizeForScan(text: string, withPattern: boolean): ScanStreams {
  const same = writeStreams(text, withPattern ? MATCH | PATTERN : MATCH);
  let built: string | null = same ? text : null;
  return {
    match: matchBuffer,
    pattern: patternBuffer,
    patternText: () => (built ??= patternBuffer.text()),
  };
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

/** One stream of `normalizeNaively`: the text, and for each of its units the original range. */
export interface NaiveNormalizedText {
  text: string;
  starts: number[];
  ends: number[];
}

const naiveForms = new Map<number, CodePointForms>();

/**
 * The same two streams as `normalizeBoth`, written the straightforward way: code point by code
 * point, each one's forms looked up in a Map (worked out once), the streams built by string
 * concatenation and the offsets pushed onto plain arrays. No shared buffers and no flat tables.
 * It is the "full normalisation" of the compliance bench's naive baseline and the reference the
 * scanner's tests compare the fast path against; nothing in the product calls it.
 */
export function normalizeNaively(text: string): { match: NaiveNormalizedText; pattern: NaiveNormalizedText } {
  const match: NaiveNormalizedText = { text: "", starts: [], ends: [] };
  const pattern: NaiveNormalizedText = { text: "", starts: [], ends: [] };
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const end = i + (cp > 0xffff ? 2 : 1);
    let forms = naiveForms.get(cp);
    if (!forms) {
      forms = formsOf(cp);
      naiveForms.set(cp, forms);
    }
    appendNaively(match, forms.match, i, end);
    appendNaively(pattern, forms.pattern, i, end);
    i = end;
  }
  return { match, pattern };
}

function appendNaively(stream: NaiveNormalizedText, out: string, start: number, end: number): void {
  stream.text += out;
  for (let k = 0; k < out.length; k++) {
    stream.starts.push(start);
    stream.ends.push(end);
  }
}
