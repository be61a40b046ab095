import type { RenderPlan } from "./render-plan";

/**
 * Caption layout. libass does not wrap Chinese (no spaces to break at), so we break lines
 * ourselves following the basic kinsoku rules and emit an ASS script with explicit `\N` breaks.
 */

/** Must not start a line (closing brackets, stops, commas, ellipsis, dash, etc.). */
export const NO_LINE_START = new Set([..."，。、；：？！）」』”’》〉】〕〗｝…—～·%,.;:?!)]}"]);
/** Must not end a line (opening brackets and quotes). */
export const NO_LINE_END = new Set([..."（《「『“‘〈【〔〖｛([{"]);

interface Token {
  text: string;
  /** Width in full-width character units (a CJK character = 1). */
  width: number;
  /**
   * `latin`: a Latin word or number; `cjk`: a Chinese word of several characters (one segment of
   * `Intl.Segmenter`); `char`: one character (a one-character word or punctuation); `space`;
   * `group`: tokens that must not be parted (a number with its unit, a range such as 15.8万–22.8万元).
   */
  kind: "latin" | "cjk" | "char" | "space" | "group";
  /** A group's tokens, to fall back on when the group is wider than a line. */
  parts?: Token[];
}

/** Noto Sans SC Latin letters and digits average a little over half an em. */
const HALF_WIDTH = 0.55;
const SPACE_WIDTH = 0.3;

const LATIN_WORD = /[A-Za-z0-9]+(?:[.\-/:+'’][A-Za-z0-9]+)*%?/y;

/** Word boundaries of Chinese text (ICU's dictionary, in Node since 16). */
const WORDS = new Intl.Segmenter("zh", { granularity: "word" });

/** Units and magnitudes that stay with the number before them (15.8万, 22.8万元, 300公里, 7.9秒). */
const UNIT =
  /^(?:[万亿千百元块角秒米克升吨度倍次台辆款年月日号时天周个位人岁级档寸斤码折％]+|公里|千米|小时|分钟|毫升|公斤|千瓦|马力|毫米|厘米|英寸)$/;
/** Dashes and tildes that join the two ends of a range (15.8万–22.8万元, 10~20万). */
const RANGE_DASHES = new Set([..."–—~～−"]);

function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x1100 ? HALF_WIDTH : 1;
}

const textWidth = (text: string) => [...text].reduce((w, ch) => w + charWidth(ch), 0);

const charsOf = (token: Token): Token[] =>
  [...token.text].map((ch) => ({ text: ch, width: charWidth(ch), kind: "char" }));

/** Chinese (and anything not Latin or space) split into words; punctuation one mark per token. */
function segmentRun(run: string, tokens: Token[]) {
  for (const { segment, isWordLike } of WORDS.segment(run)) {
    const chars = [...segment];
    if (isWordLike && chars.length > 1)
      tokens.push({ text: segment, width: textWidth(segment), kind: "cjk" });
    else for (const ch of chars) tokens.push({ text: ch, width: charWidth(ch), kind: "char" });
  }
}

const isNumber = (t: Token | undefined) => t?.kind === "latin" && /^[0-9]/.test(t.text);
const isUnit = (t: Token | undefined) => t !== undefined && t.kind !== "space" && UNIT.test(t.text);

/** Joins a number with its units, and the two ends of a range, into one unbreakable group. */
function groupNumbers(tokens: Token[]): Token[] {
  const groups: Token[][] = [];
  tokens.forEach((token, i) => {
    const group = groups.at(-1);
    const last = group?.at(-1);
    const endsInNumber = group !== undefined && (isNumber(last) || (isUnit(last) && group.some(isNumber)));
    const glued =
      (endsInNumber && isUnit(token)) ||
      (endsInNumber && RANGE_DASHES.has(token.text) && isNumber(tokens[i + 1])) ||
      (group !== undefined && group.length > 1 && RANGE_DASHES.has(last!.text) && isNumber(token));
    if (glued) group!.push(token);
    else groups.push([token]);
  });
  return groups.map((g) =>
    g.length === 1
      ? g[0]
      : { text: g.map((t) => t.text).join(""), width: widthOf(g), kind: "group" as const, parts: g },
  );
}

/** Opening quotes and the mark that closes each; a straight quote closes itself. */
const QUOTES: Record<string, string> = { "「": "」", "『": "』", "“": "”", "‘": "’", "《": "》", '"': '"' };

/**
 * A quoted span with its quotes is one unbreakable group: the viewer must read a code word such as
 * “秒懂” in one piece. A span wider than a line still falls back to its parts (`splitOversized`).
 */
function groupQuotes(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const close = QUOTES[tokens[i].text];
    const end = close ? tokens.findIndex((t, k) => k > i && t.text === close) : -1;
    if (end > i) {
      const span = tokens.slice(i, end + 1);
      out.push({
        text: span.map((t) => t.text).join(""),
        width: widthOf(span),
        kind: "group",
        parts: span.flatMap((t) => t.parts ?? [t]),
      });
      i = end;
    } else out.push(tokens[i]);
  }
  return out;
}

export function tokenizeCaption(text: string): Token[] {
  const tokens: Token[] = [];
  let run = "";
  const flushRun = () => {
    if (run) segmentRun(run, tokens);
    run = "";
  };
  let i = 0;
  while (i < text.length) {
    LATIN_WORD.lastIndex = i;
    const word = LATIN_WORD.exec(text);
    if (word) {
      flushRun();
      tokens.push({ text: word[0], width: word[0].length * HALF_WIDTH, kind: "latin" });
      i += word[0].length;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    if (/\s/.test(ch)) {
      flushRun();
      if (tokens.length && tokens[tokens.length - 1].kind !== "space")
        tokens.push({ text: " ", width: SPACE_WIDTH, kind: "space" });
    } else {
      run += ch;
    }
    i += ch.length;
  }
  flushRun();
  return groupQuotes(groupNumbers(tokens));
}

const joinLine = (tokens: Token[]) =>
  tokens
    .map((t) => t.text)
    .join("")
    .trim();
function widthOf(tokens: Token[]): number {
  return tokens.reduce((w, t) => w + t.width, 0);
}
const isNoStart = (t: Token | undefined) =>
  t !== undefined && t.kind !== "space" && NO_LINE_START.has([...t.text][0]);
const isNoEnd = (t: Token | undefined) =>
  t !== undefined && t.kind !== "space" && NO_LINE_END.has([...t.text].at(-1)!);

/**
 * A token wider than a whole line cannot stay whole: a group falls back to its parts, a Chinese
 * word to its characters, a Latin run is cut at the line width.
 */
function splitOversized(token: Token, limit: number): Token[] {
  if (token.width <= limit + 1e-9) return [token];
  if (token.parts) return token.parts.flatMap((t) => splitOversized(t, limit));
  if (token.kind === "cjk") return charsOf(token);
  const per = Math.max(1, Math.floor(limit / HALF_WIDTH));
  const parts: Token[] = [];
  for (let i = 0; i < token.text.length; i += per) {
    const text = token.text.slice(i, i + per);
    parts.push({ text, width: text.length * HALF_WIDTH, kind: "latin" });
  }
  return parts;
}

/**
 * Where to break `line` when `next` does not fit: the break walks back until no forbidden
 * character sits at either side of it (kinsoku). 0 when no place on the line works.
 */
function breakPoint(line: Token[], next: Token): number {
  let k = line.length;
  const firstOfNext = (at: number) => (at === line.length ? next : line[at]);
  while (
    k > 0 &&
    (isNoStart(firstOfNext(k)) ||
      isNoEnd(line[k - 1]) ||
      (line[k - 1]?.kind === "space" && k - 1 > 0 && isNoEnd(line[k - 2])))
  )
    k -= 1;
  return k;
}

/** Tokens no wider than a line are placed whole; a token wider than `limit` gets a line to itself. */
function greedyBreak(tokens: Token[], limit: number): Token[][] {
  const lines: Token[][] = [];
  let current: Token[] = [];
  const flush = () => {
    while (current.length && current[current.length - 1].kind === "space") current.pop();
    if (current.length) lines.push(current);
    current = [];
  };
  for (const token of tokens) {
    if (token.kind === "space" && current.length === 0) continue;
    if (widthOf(current) + token.width <= limit + 1e-9 || token.kind === "space") {
      current.push(token);
      continue;
    }
    let k = breakPoint(current, token);
    if (k === 0 && isNoStart(token) && current.at(-1)?.kind === "cjk") {
      // No word boundary on this line works: break inside its last word before letting punctuation hang.
      current.splice(-1, 1, ...charsOf(current.at(-1)!));
      k = breakPoint(current, token);
    }
    if (k === 0) {
      // Nothing can move down: let the punctuation hang past the limit rather than start a line.
      if (isNoStart(token)) {
        current.push(token);
        continue;
      }
      k = current.length;
    }
    const carried = current.slice(k);
    current = current.slice(0, k);
    flush();
    current = [...carried, token];
    while (current.length && current[0].kind === "space") current.shift();
  }
  flush();
  return lines;
}

export interface BreakOptions {
  /** Maximum line width in full-width characters. 14 at 64 px is 896 px, inside 1080 − 2 × 60 px margins. */
  maxChars: number;
}

/**
 * Breaks caption text into lines of at most `maxChars` full-width characters at word boundaries
 * (Chinese words as `Intl.Segmenter` finds them, Latin words, numbers with their units and whole
 * ranges such as 15.8万–22.8万元), obeying kinsoku. Only a word wider than a line is cut. Lines are
 * balanced: 15 characters become 8 + 7, not 14 + 1.
 */
export function breakCaptionLines(text: string, { maxChars }: BreakOptions): string[] {
  if (!(maxChars >= 2)) throw new Error("maxChars must be at least 2");
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const tokens = tokenizeCaption(paragraph.trim()).flatMap((t) => splitOversized(t, maxChars));
    if (tokens.length === 0) continue;
    const greedy = greedyBreak(tokens, maxChars);
    let best = greedy;
    if (greedy.length > 1) {
      // Narrower targets give as many lines of more even widths: keep the one whose widest line is narrowest.
      const widest = (lines: Token[][]) => Math.max(...lines.map(widthOf));
      const total = widthOf(tokens);
      for (let target = Math.ceil((total / greedy.length) * 2) / 2; target < maxChars; target += 0.5) {
        const attempt = greedyBreak(tokens, target);
        if (
          attempt.length === greedy.length &&
          widest(attempt) <= maxChars + 1e-9 &&
          widest(attempt) < widest(best) - 1e-9
        )
          best = attempt;
      }
    }
    lines.push(...best.map(joinLine).filter(Boolean));
  }
  return lines;
}

/** Width of a line in full-width units, as the breaker measures it. */
export function captionLineWidth(line: string): number {
  return widthOf(tokenizeCaption(line));
}

/** `#RRGGBB` → ASS `&HAABBGGRR` (alpha 00 = opaque). */
export function assColor(hex: string, alpha = 0): string {
  const h = hex.replace("#", "");
  const a = alpha.toString(16).padStart(2, "0").toUpperCase();
  return `&H${a}${h.slice(4, 6)}${h.slice(2, 4)}${h.slice(0, 2)}`.toUpperCase();
}

/** `H:MM:SS.cc` as ASS wants it. */
export function assTime(seconds: number): string {
  const cs = Math.max(0, Math.round(seconds * 100));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  const c = cs % 100;
  return `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}.${String(c).padStart(2, "0")}`;
}

/** User text must never become ASS override tags. */
export function escapeAssText(text: string): string {
  return text.replace(/\\/g, "＼").replace(/\{/g, "｛").replace(/\}/g, "｝");
}

export interface AssOptions {
  fontFamily: string;
  /**
   * ASS `Fontsize` per pixel of em for the font (`assFontSizePerEm`: 1.448 for Noto Sans SC). libass
   * takes `Fontsize` as the line height, so every size below is multiplied by it.
   */
  assSizePerEm: number;
  /** Caption glyph size in px (the em: a Chinese character is this wide). */
  captionFontSize?: number;
  captionMaxChars?: number;
  /** Distance of the caption block's bottom edge from the frame bottom; clears platform UI. */
  captionMarginV?: number;
}

/**
 * Glyph sizes (em, px) of the cards' text on a 1080 px frame: as large as a video editor sets a
 * column's title and signature line, the widest line (9 and 11 characters) inside the 60 px margins.
 */
const TITLE_EM = 96;
const KICKER_EM = 52;
const OUTRO_EM = 84;
const TITLE_MAX_CHARS = 9;
const OUTRO_MAX_CHARS = 11;
/** The centre of a card's main text; the kicker (the column's name) sits above it, clear of it. */
const CARD_CENTRE_Y = 960;
const KICKER_GAP = 56;

export function buildAssScript(
  plan: RenderPlan,
  { fontFamily, assSizePerEm, captionFontSize = 64, captionMaxChars = 14, captionMarginV = 360 }: AssOptions,
): string {
  if (!(assSizePerEm > 0)) throw new Error("assSizePerEm must be positive");
  const { colors } = plan;
  const black = assColor("#000000");
  const shade = assColor("#000000", 0x60);
  const font = fontFamily.replace(/,/g, " ");
  const style = (
    name: string,
    em: number,
    primary: string,
    bold: boolean,
    borderStyle: number,
    outline: number,
    shadow: number,
    alignment: number,
    marginV: number,
    back = shade,
  ) =>
    `Style: ${name},${font},${Number((em * assSizePerEm).toFixed(2))},${primary},${primary},${black},${back},${bold ? -1 : 0},0,0,0,100,100,0,0,${borderStyle},${outline},${shadow},${alignment},60,60,${marginV},1`;
  const text = (lines: string[]) => lines.map(escapeAssText).join("\\N");
  const dialogue = (start: number, end: number, styleName: string, body: string) =>
    `Dialogue: 0,${assTime(start)},${assTime(end)},${styleName},,0,0,0,,${body}`;

  const events: string[] = [];
  // A card: the column's name above a block of big bold lines centred on the frame, however many.
  const card = (start: number, end: number, styleName: string, em: number, lines: string[]) => {
    const blockTop = CARD_CENTRE_Y - (lines.length * em * assSizePerEm) / 2;
    const kickerY = Math.round(blockTop - KICKER_GAP - (KICKER_EM * assSizePerEm) / 2);
    events.push(dialogue(start, end, "Kicker", `{\\an5\\pos(540,${kickerY})}${text([plan.columnName])}`));
    events.push(dialogue(start, end, styleName, `{\\an5\\pos(540,${CARD_CENTRE_Y})}${text(lines)}`));
  };
  if (plan.intro.kind === "card")
    card(
      0,
      plan.intro.seconds,
      "Title",
      TITLE_EM,
      breakCaptionLines(plan.episodeTitle, { maxChars: TITLE_MAX_CHARS }),
    );
  for (const cue of plan.cues) {
    events.push(
      dialogue(
        cue.startSeconds,
        cue.endSeconds,
        "Caption",
        text(breakCaptionLines(cue.text, { maxChars: captionMaxChars })),
      ),
    );
  }
  const outroStart = plan.outro.timelineStartSeconds;
  card(
    outroStart,
    outroStart + plan.outro.seconds,
    "Outro",
    OUTRO_EM,
    breakCaptionLines(plan.outro.line, { maxChars: OUTRO_MAX_CHARS }),
  );

  return [
    "[Script Info]",
    "ScriptType: v4.00+",
    `PlayResX: ${plan.width}`,
    `PlayResY: ${plan.height}`,
    // 2 = no automatic wrapping: our own breaks are the only ones.
    "WrapStyle: 2",
    "ScaledBorderAndShadow: yes",
    "YCbCr Matrix: TV.709",
    "",
    "[V4+ Styles]",
    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding",
    style("Caption", captionFontSize, assColor("#FFFFFF"), false, 1, 5, 2, 2, captionMarginV),
    // A thin dark outline and a soft shadow keep the cards' lines legible over an outro's footage.
    style("Title", TITLE_EM, assColor(colors.text), true, 1, 2, 3, 5, 0),
    style("Kicker", KICKER_EM, assColor(colors.accent), true, 1, 0, 0, 5, 0),
    style("Outro", OUTRO_EM, assColor(colors.text), true, 1, 2, 3, 5, 0),
    "",
    "[Events]",
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
    ...events,
    "",
  ].join("\n");
}
