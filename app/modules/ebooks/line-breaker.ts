/**
 * Chinese-aware line breaking and justification. Pure: glyph widths come from an injected
 * `measure`, so the same code runs against the real font (PDF) and a fake one (tests).
 *
 * pdfkit's own wrapper only breaks at spaces and its `justify` only stretches spaces, which
 * leaves Chinese text ragged and lets punctuation start lines. Here every CJK character is its
 * own breakable atom, Latin words and numbers stay whole, URLs may break after `/ ? & = -`, and
 * slack is spread over every gap up to a cap (past it the line stays ragged rather than
 * letter-spaced).
 */

/** Characters that must never start a line (GB/T 15834 and the usual ASCII closers). */
const NO_LINE_START = new Set(Array.from("，。、；：？！）」』”’》〉…】〕〗｝％,.;:?!)]}"));
/** Characters that must never end a line. */
const NO_LINE_END = new Set(Array.from("（《「『“‘〈【〔〖｛([{"));
/** Doubled dashes and ellipses are one mark: never split the pair. */
const INSEPARABLE = new Set(["—", "…"]);
/** A URL may break after these (and nowhere else unless one piece is longer than a line). */
const URL_BREAK_AFTER = new Set(["/", "?", "&", "=", "-"]);
/** A scheme (`https://`), `www.`, `mailto:` or a bare `host.tld/path`. */
const URL_RE = /[a-z][a-z0-9+.-]*:\/\/|^[("'<[]?www\.|^mailto:|^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\//i;
/** Default cap on the justification stretch added to one gap, in em. */
export const MAX_STRETCH_EM = 0.25;
/** An over-long word starts on the current line only when at least this much room is left, in em. */
const MIN_ROOM_EM = 2;

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
  /**
   * Continues the Latin word before it (a URL piece, the tail of a word longer than the line, or
   * the part after a style change): never spaced apart from that word.
   */
  continuation?: boolean;
  /** A line may break before this continuation (URL break points and cuts of over-long words). */
  breakBefore?: boolean;
}

export interface PlacedAtom<S> {
  text: string;
  style: S;
  kind: AtomKind;
  /** Offset from the start of the measure (includes the first-line indent). */
  x: number;
  width: number;
  gap: number;
  /** Continues the previous atom's word: drawn flush against it, never stretched apart. */
  continuation?: boolean;
}

export interface BrokenLine<S> {
  atoms: PlacedAtom<S>[];
  /**
   * Extra space added to every stretchable gap between atoms (not inside a word), at most the
   * stretch cap; negative when a line with no legal break had to be squeezed.
   */
  spacing: number;
  /** The line reaches the full measure (false for last lines and lines left ragged by the cap). */
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
  /**
   * Most extra space justification may add to one gap, in em (default MAX_STRETCH_EM). A line
   * that would need more is spaced at the cap and left short of the measure.
   */
  maxStretchEm?: number;
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

/** Whether a Latin word is a web or mail address (and so may break after `/ ? & = -`). */
export function isUrlLike(word: string): boolean {
  return URL_RE.test(word);
}

/**
 * A Latin word cut at its URL break points: after `/ ? & = -`, never between the two slashes
 * of `://`, never leaving an empty or punctuation-only piece. Not a URL: the word, whole.
 */
export function urlPieces(word: string): string[] {
  if (!isUrlLike(word)) return [word];
  const chars = Array.from(word);
  const pieces: string[] = [];
  let piece = "";
  chars.forEach((ch, k) => {
    piece += ch;
    const next = chars[k + 1];
    if (next === undefined || !URL_BREAK_AFTER.has(ch)) return;
    // Keep `//` together, and do not break before more break characters (`?&`, `--`).
    if (URL_BREAK_AFTER.has(next)) return;
    // Nothing to carry but closing punctuation: leave it with this piece.
    if (!ALNUM_RE.test(chars.slice(k + 1).join(""))) return;
    pieces.push(piece);
    piece = "";
  });
  if (piece) pieces.push(piece);
  return pieces;
}

/** Split runs into atoms: one per CJK character, one per Latin word (or URL piece), collapsed spaces. */
export function tokenize<S>(options: BreakOptions<S>): Atom<S>[] {
  const { runs, measure } = options;
  const raw: Atom<S>[] = [];
  let word = "";
  let wordStyle: S | null = null;

  // The next word continues the previous atom: only a style change came between them.
  let glue = false;
  const flushWord = () => {
    if (!word || wordStyle === null) return;
    const style = wordStyle;
    // URLs are cut into pieces a line may break between; a piece longer than a whole line is
    // cut again where it overflows, by breakLines, once it knows how much room is left.
    urlPieces(word).forEach((piece, k) => {
      raw.push({
        text: piece,
        style,
        kind: "latin",
        width: measure(piece, style),
        gap: 0,
        ...(k > 0 ? { continuation: true, breakBefore: true } : glue ? { continuation: true } : {}),
      });
    });
    word = "";
    wordStyle = null;
  };

  for (const run of runs) {
    if (run.hardBreak) {
      flushWord();
      glue = false;
      raw.push({ text: "\n", style: run.style, kind: "newline", width: 0, gap: 0 });
    }
    for (const ch of run.text) {
      if (isCollapsibleSpace(ch)) {
        flushWord();
        glue = false;
        const prev = raw[raw.length - 1];
        if (prev && prev.kind !== "space" && prev.kind !== "newline") {
          raw.push({ text: " ", style: run.style, kind: "space", width: measure(" ", run.style), gap: 0 });
        }
      } else if (isCjkChar(ch)) {
        flushWord();
        glue = false;
        raw.push({ text: ch, style: run.style, kind: "cjk", width: measure(ch, run.style), gap: 0 });
      } else {
        if (wordStyle !== null && wordStyle !== run.style) {
          flushWord();
          glue = true;
        }
        wordStyle = run.style;
        word += ch;
      }
    }
    if (word) {
      flushWord();
      glue = true;
    }
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
  if (prev.kind === "latin" && cur.kind === "latin") return cur.breakBefore === true;
  if (prev.text === cur.text && INSEPARABLE.has(cur.text)) return false;
  return true;
}

function placeLine<S>(
  atoms: Atom<S>[],
  indent: number,
  available: number,
  justify: boolean,
  maxStretch: number,
): BrokenLine<S> {
  let list = atoms;
  while (list.length && list[list.length - 1].kind === "space") list = list.slice(0, -1);
  let natural = 0;
  let gaps = 0;
  list.forEach((atom, k) => {
    natural += atom.width + (k > 0 ? atom.gap : 0);
    // Inside a word (a URL cut into pieces) nothing is stretched: a gap there would read as a space.
    if (k > 0 && !atom.continuation) gaps++;
  });
  const slack = available - natural;
  // Overfull lines (no legal break) are squeezed even when not justified.
  let spacing = gaps > 0 && (justify || slack < 0) ? slack / gaps : 0;
  // Past the cap the line stays ragged: a short line before a long word is not letter-spaced.
  const capped = spacing > maxStretch;
  if (capped) spacing = maxStretch;
  const placed: PlacedAtom<S>[] = [];
  let x = indent;
  list.forEach((atom, k) => {
    if (k > 0) x += atom.gap + (atom.continuation ? 0 : spacing);
    placed.push({
      text: atom.text,
      style: atom.style,
      kind: atom.kind,
      x,
      width: atom.width,
      gap: k > 0 ? atom.gap : 0,
      ...(k > 0 && atom.continuation ? { continuation: true } : {}),
    });
    x += atom.width;
  });
  return { atoms: placed, spacing, justified: justify && gaps > 0 && !capped, end: x };
}

/**
 * Cut a Latin atom so its head fills `room`: at least one character goes on the line, and the
 * tail continues the word on the next. Null when not even one character fits.
 */
function splitAtom<S>(
  atom: Atom<S>,
  room: number,
  measure: (text: string, style: S) => number,
): [Atom<S>, Atom<S>] | null {
  const chars = Array.from(atom.text);
  let count = 0;
  // Widths are not additive under kerning: measure the growing prefix itself.
  while (count < chars.length - 1 && measure(chars.slice(0, count + 1).join(""), atom.style) <= room + EPS)
    count++;
  if (count === 0) return null;
  const head = chars.slice(0, count).join("");
  const tail = chars.slice(count).join("");
  return [
    { ...atom, text: head, width: measure(head, atom.style) },
    {
      ...atom,
      text: tail,
      width: measure(tail, atom.style),
      gap: 0,
      continuation: true,
      breakBefore: true,
    },
  ];
}

/** Break a paragraph into lines: greedy fill, kinsoku by pulling characters down, then justify. */
export function breakLines<S>(options: BreakOptions<S>): BrokenLine<S>[] {
  const atoms = tokenize(options);
  const justifyAll = options.justify ?? true;
  const maxStretch = (options.maxStretchEm ?? MAX_STRETCH_EM) * options.emSize;
  const minRoom = MIN_ROOM_EM * options.emSize;
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
      if (x + add > available + EPS && atom.kind !== "space") break;
      x += add;
    }
    let stop = i;
    if (!hard && i < atoms.length) {
      const over = atoms[i];
      // A word no line can hold (a long URL piece, a part number) starts right here and is cut
      // where it overflows; anything shorter moves whole to the next line.
      const fitsNoLine =
        over.kind === "latin" &&
        (over.width > options.width + EPS || (i === start && over.width > available));
      const room = available - x - (i > start ? over.gap : 0);
      const split =
        fitsNoLine && (i === start || room >= minRoom) ? splitAtom(over, room, options.measure) : null;
      if (split) {
        atoms.splice(i, 1, ...split);
        stop = i + 1;
      } else {
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
    }
    const rest = atoms.slice(stop).some((a) => a.kind !== "space" && a.kind !== "newline");
    const isLast = hard || !rest;
    lines.push(placeLine(atoms.slice(start, stop), indent, available, justifyAll && !isLast, maxStretch));
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
 * style are evenly spaced, which is exactly what a text run with character spacing draws, and
 * the pieces of one URL on a line are one word again.
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
    if (current && !cjk && !current.cjk && atom.continuation && current.style === atom.style) {
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
