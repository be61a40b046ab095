/**
 * Chinese-aware line breaking and justification. Pure: glyph widths come from an injected
 * `measure`, so the same code runs against the real font (PDF) and a fake one (tests).
 *
 * pdfkit's own wrapper only breaks at spaces and its `justify` only stretches spaces, which
 * leaves Chinese text ragged and lets punctuation start lines. Here every CJK character is its
 * own breakable atom, Latin words and numbers stay whole, and slack is spread over every gap.
 */

/** Characters that must never start a line (GB/T 15834 and the usual ASCII closers). */
const NO_LINE_START = new Set(Array.from("，。、；：？！）」』”’》〉…】〕〗｝％,.;:?!)]}"));
/** Characters that must never end a line. */
const NO_LINE_END = new Set(Array.from("（《「『“‘〈【〔〖｛([{"));
/** Doubled dashes and ellipses are one mark: never split the pair. */
const INSEPARABLE = new Set(["—", "…"]);

// Code point ranges instead of regular expressions: this runs once per character of the book.
const CJK_RANGES: Array<[number, number]> = [
  [0x2014, 0x2014],
  [0x2018, 0x201f],
  [0x2026, 0x2026],
  [0x2e80, 0x2fff],
  [0x3000, 0x303f],
  [0x3040, 0x30ff],
  [0x3100, 0x312f],
  [0x3200, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
  [0x20000, 0x2ffff],
];
const CJK_PUNCT_RANGES: Array<[number, number]> = [
  [0x2014, 0x2014],
  [0x2018, 0x201f],
  [0x2026, 0x2026],
  [0x3000, 0x303f],
  [0xfe30, 0xfe4f],
  [0xff01, 0xff0f],
  [0xff1a, 0xff20],
  [0xff3b, 0xff40],
  [0xff5b, 0xff65],
];

function inRanges(cp: number, ranges: Array<[number, number]>): boolean {
  for (const [lo, hi] of ranges) if (cp >= lo && cp <= hi) return true;
  return false;
}

const ALNUM_RE = /[\p{L}\p{N}]/u;

export type AtomKind = "cjk" | "latin" | "space" | "newline";

export interface BreakRun<S> {
  text: string;
  style: S;
  /** Force a line break before this run's text. */
  hardBreak?: boolean;
}

export interface Atom<S> {
  text: string;
  style: S;
  kind: AtomKind;
  width: number;
  /** Natural space before this atom (the 1/4 em between CJK and Latin). */
  gap: number;
  /** A chunk of an over-long Latin word: may break before it. */
  forcedSplit?: boolean;
}

export interface PlacedAtom<S> {
  text: string;
  style: S;
  kind: AtomKind;
  /** Offset from the start of the measure (includes the first-line indent). */
  x: number;
  width: number;
  gap: number;
}

export interface BrokenLine<S> {
  atoms: PlacedAtom<S>[];
  /** Extra space added to every gap between atoms (negative when a line had to be squeezed). */
  spacing: number;
  justified: boolean;
  /** Right edge of the last atom, from the start of the measure. */
  end: number;
}

export interface BreakOptions<S> {
  runs: BreakRun<S>[];
  /** Line length in points. */
  width: number;
  measure: (text: string, style: S) => number;
  /** The em used for the CJK/Latin gap. */
  emSize: number;
  firstLineIndent?: number;
  /** Justify every line but the last (default true). */
  justify?: boolean;
}

const EPS = 0.01;

export function isCjkChar(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  // Fast path for ASCII, the only other script in these books.
  return cp >= 0x2000 && inRanges(cp, CJK_RANGES);
}

function isIdeographic(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return cp >= 0x2000 && inRanges(cp, CJK_RANGES) && !inRanges(cp, CJK_PUNCT_RANGES);
}

function isCollapsibleSpace(ch: string): boolean {
  return (
    ch === " " ||
    ch === "\n" ||
    ch === "\t" ||
    ch === "\r" ||
    (ch !== "\u3000" && ch.charCodeAt(0) > 0x7f && /\s/.test(ch))
  );
}

function firstChar(text: string): string {
  return String.fromCodePoint(text.codePointAt(0) ?? 32);
}

function lastChar(text: string): string {
  const code = text.charCodeAt(text.length - 1);
  // A trailing low surrogate belongs to a two-unit character.
  return code >= 0xdc00 && code <= 0xdfff ? text.slice(-2) : text.slice(-1) || " ";
}

/** Split runs into atoms: one per CJK character, one per Latin word, collapsed spaces. */
export function tokenize<S>(options: BreakOptions<S>): Atom<S>[] {
  const { runs, measure, width } = options;
  const raw: Atom<S>[] = [];
  let word = "";
  let wordStyle: S | null = null;

  const flushWord = () => {
    if (!word || wordStyle === null) return;
    const style = wordStyle;
    const w = measure(word, style);
    if (w <= width) {
      raw.push({ text: word, style, kind: "latin", width: w, gap: 0 });
    } else {
      // A URL or part number longer than the line: cut it where it overflows, nowhere else.
      let chunk = "";
      let first = true;
      for (const ch of word) {
        if (chunk && measure(chunk + ch, style) > width) {
          raw.push({
            text: chunk,
            style,
            kind: "latin",
            width: measure(chunk, style),
            gap: 0,
            forcedSplit: !first,
          });
          first = false;
          chunk = "";
        }
        chunk += ch;
      }
      if (chunk)
        raw.push({
          text: chunk,
          style,
          kind: "latin",
          width: measure(chunk, style),
          gap: 0,
          forcedSplit: !first,
        });
    }
    word = "";
    wordStyle = null;
  };

  for (const run of runs) {
    if (run.hardBreak) {
      flushWord();
      raw.push({ text: "\n", style: run.style, kind: "newline", width: 0, gap: 0 });
    }
    for (const ch of run.text) {
      if (isCollapsibleSpace(ch)) {
        flushWord();
        const prev = raw[raw.length - 1];
        if (prev && prev.kind !== "space" && prev.kind !== "newline") {
          raw.push({ text: " ", style: run.style, kind: "space", width: measure(" ", run.style), gap: 0 });
        }
      } else if (isCjkChar(ch)) {
        flushWord();
        raw.push({ text: ch, style: run.style, kind: "cjk", width: measure(ch, run.style), gap: 0 });
      } else {
        if (wordStyle !== null && wordStyle !== run.style) flushWord();
        wordStyle = run.style;
        word += ch;
      }
    }
    flushWord();
  }

  // A space next to Chinese is the author's way to separate scripts: the 1/4 em gap does that.
  const atoms = raw.filter((atom, i) => {
    if (atom.kind !== "space") return true;
    const prev = raw[i - 1];
    const next = raw[i + 1];
    if (!prev || !next || next.kind === "newline" || prev.kind === "newline") return false;
    return prev.kind !== "cjk" && next.kind !== "cjk";
  });

  const quarter = options.emSize / 4;
  for (let i = 1; i < atoms.length; i++) {
    const prev = atoms[i - 1];
    const cur = atoms[i];
    const cjkThenLatin =
      prev.kind === "cjk" &&
      isIdeographic(prev.text) &&
      cur.kind === "latin" &&
      ALNUM_RE.test(firstChar(cur.text));
    const latinThenCjk =
      prev.kind === "latin" &&
      ALNUM_RE.test(lastChar(prev.text)) &&
      cur.kind === "cjk" &&
      isIdeographic(cur.text);
    if (cjkThenLatin || latinThenCjk) cur.gap = quarter;
  }
  return atoms;
}

/** Whether a line may end between atoms[index - 1] and atoms[index]. */
export function canBreakBefore<S>(atoms: Atom<S>[], index: number): boolean {
  const prev = atoms[index - 1];
  const cur = atoms[index];
  if (!prev || !cur) return true;
  if (cur.kind === "newline" || prev.kind === "newline") return true;
  if (cur.kind === "space" || prev.kind === "space") return true;
  if (NO_LINE_START.has(firstChar(cur.text))) return false;
  if (NO_LINE_END.has(lastChar(prev.text))) return false;
  if (prev.kind === "latin" && cur.kind === "latin") return cur.forcedSplit === true;
  if (prev.text === cur.text && INSEPARABLE.has(cur.text)) return false;
  return true;
}

function placeLine<S>(atoms: Atom<S>[], indent: number, available: number, justify: boolean): BrokenLine<S> {
  let list = atoms;
  while (list.length && list[list.length - 1].kind === "space") list = list.slice(0, -1);
  let natural = 0;
  list.forEach((atom, k) => {
    natural += atom.width + (k > 0 ? atom.gap : 0);
  });
  const gaps = list.length - 1;
  const slack = available - natural;
  // Overfull lines (no legal break) are squeezed even when not justified.
  const spacing = gaps > 0 && (justify || slack < 0) ? slack / gaps : 0;
  const placed: PlacedAtom<S>[] = [];
  let x = indent;
  list.forEach((atom, k) => {
    if (k > 0) x += atom.gap + spacing;
    placed.push({
      text: atom.text,
      style: atom.style,
      kind: atom.kind,
      x,
      width: atom.width,
      gap: k > 0 ? atom.gap : 0,
    });
    x += atom.width;
  });
  return { atoms: placed, spacing, justified: justify && gaps > 0, end: x };
}

/** Break a paragraph into lines: greedy fill, kinsoku by pulling characters down, then justify. */
export function breakLines<S>(options: BreakOptions<S>): BrokenLine<S>[] {
  const atoms = tokenize(options);
  const justifyAll = options.justify ?? true;
  const lines: BrokenLine<S>[] = [];
  let start = 0;
  let first = true;
  while (start < atoms.length) {
    while (start < atoms.length && atoms[start].kind === "space") start++;
    if (start >= atoms.length) break;
    const indent = first ? (options.firstLineIndent ?? 0) : 0;
    const available = options.width - indent;
    let x = 0;
    let i = start;
    let hard = false;
    for (; i < atoms.length; i++) {
      const atom = atoms[i];
      if (atom.kind === "newline") {
        hard = true;
        break;
      }
      const add = (i > start ? atom.gap : 0) + atom.width;
      if (x + add > available + EPS && i > start && atom.kind !== "space") break;
      x += add;
    }
    let stop = i;
    if (!hard && i < atoms.length) {
      let j = i;
      while (j > start && !canBreakBefore(atoms, j)) j--;
      if (j > start) {
        stop = j;
      } else {
        // No legal break inside the line: overrun to the next legal one and squeeze.
        j = i + 1;
        while (j < atoms.length && !canBreakBefore(atoms, j)) j++;
        stop = j;
      }
    }
    const rest = atoms.slice(stop).some((a) => a.kind !== "space" && a.kind !== "newline");
    const isLast = hard || !rest;
    lines.push(placeLine(atoms.slice(start, stop), indent, available, justifyAll && !isLast));
    start = hard ? i + 1 : stop;
    first = false;
  }
  return lines;
}

export interface LineRun<S> {
  text: string;
  style: S;
  x: number;
  /** Tc to hand to the renderer: the justification spacing inside CJK runs, 0 for Latin words. */
  characterSpacing: number;
}

/**
 * Merge a line's atoms into as few draw calls as possible: consecutive CJK characters of one
 * style are evenly spaced, which is exactly what a text run with character spacing draws.
 */
export function lineRuns<S>(line: BrokenLine<S>): LineRun<S>[] {
  const runs: LineRun<S>[] = [];
  let current: (LineRun<S> & { cjk: boolean }) | null = null;
  for (const atom of line.atoms) {
    if (atom.kind === "space" || atom.kind === "newline") {
      current = null;
      continue;
    }
    const cjk = atom.kind === "cjk";
    if (current && cjk && current.cjk && current.style === atom.style && atom.gap === 0) {
      current.text += atom.text;
      continue;
    }
    current = {
      text: atom.text,
      style: atom.style,
      x: atom.x,
      characterSpacing: cjk ? line.spacing : 0,
      cjk,
    };
    runs.push(current);
  }
  return runs.map(({ text, style, x, characterSpacing }) => ({ text, style, x, characterSpacing }));
}
