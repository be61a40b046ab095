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
  kind: "word" | "space" | "char";
}

/** Noto Sans SC Latin letters and digits average a little over half an em. */
const HALF_WIDTH = 0.55;
const SPACE_WIDTH = 0.3;

const LATIN_WORD = /[A-Za-z0-9]+(?:[.\-/:+'’][A-Za-z0-9]+)*%?/y;

function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x1100 ? HALF_WIDTH : 1;
}

export function tokenizeCaption(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    LATIN_WORD.lastIndex = i;
    const word = LATIN_WORD.exec(text);
    if (word) {
      tokens.push({ text: word[0], width: word[0].length * HALF_WIDTH, kind: "word" });
      i += word[0].length;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    if (/\s/.test(ch)) {
      if (tokens.length && tokens[tokens.length - 1].kind !== "space")
        tokens.push({ text: " ", width: SPACE_WIDTH, kind: "space" });
    } else {
      tokens.push({ text: ch, width: charWidth(ch), kind: "char" });
    }
    i += ch.length;
  }
  return tokens;
}

const joinLine = (tokens: Token[]) =>
  tokens
    .map((t) => t.text)
    .join("")
    .trim();
const widthOf = (tokens: Token[]) => tokens.reduce((w, t) => w + t.width, 0);
const isNoStart = (t: Token | undefined) => t !== undefined && t.kind === "char" && NO_LINE_START.has(t.text);
const isNoEnd = (t: Token | undefined) => t !== undefined && t.kind === "char" && NO_LINE_END.has(t.text);

/** A Latin run longer than a whole line cannot stay whole; cut it at the line width. */
function splitOversized(token: Token, limit: number): Token[] {
  const per = Math.max(1, Math.floor(limit / HALF_WIDTH));
  const parts: Token[] = [];
  for (let i = 0; i < token.text.length; i += per) {
    const text = token.text.slice(i, i + per);
    parts.push({ text, width: text.length * HALF_WIDTH, kind: "word" });
  }
  return parts;
}

function greedyBreak(tokens: Token[], limit: number): Token[][] {
  const lines: Token[][] = [];
  let current: Token[] = [];
  const flush = () => {
    while (current.length && current[current.length - 1].kind === "space") current.pop();
    if (current.length) lines.push(current);
    current = [];
  };
  const queue = tokens.flatMap((t) =>
    t.kind === "word" && t.width > limit ? splitOversized(t, limit) : [t],
  );
  for (const token of queue) {
    if (token.kind === "space" && current.length === 0) continue;
    if (widthOf(current) + token.width <= limit + 1e-9 || token.kind === "space") {
      current.push(token);
      continue;
    }
    // Walk the break point back until no forbidden character sits at either side of it.
    let k = current.length;
    const firstOfNext = (at: number) => (at === current.length ? token : current[at]);
    while (
      k > 0 &&
      (isNoStart(firstOfNext(k)) ||
        isNoEnd(current[k - 1]) ||
        (current[k - 1]?.kind === "space" && k - 1 > 0 && isNoEnd(current[k - 2])))
    )
      k -= 1;
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
  /** Maximum line width in full-width characters. 14 suits 1080 px wide video at ~64 px. */
  maxChars: number;
}

/**
 * Breaks caption text into lines of at most `maxChars` full-width characters, keeping Latin words
 * and numbers whole and obeying kinsoku. Lines are balanced: 15 characters become 8 + 7, not 14 + 1.
 */
export function breakCaptionLines(text: string, { maxChars }: BreakOptions): string[] {
  if (!(maxChars >= 2)) throw new Error("maxChars must be at least 2");
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const tokens = tokenizeCaption(paragraph.trim());
    if (tokens.length === 0) continue;
    const greedy = greedyBreak(tokens, maxChars);
    let best = greedy;
    if (greedy.length > 1) {
      const total = widthOf(tokens);
      for (let target = Math.ceil((total / greedy.length) * 2) / 2; target < maxChars; target += 0.5) {
        const attempt = greedyBreak(tokens, target);
        if (attempt.length === greedy.length && attempt.every((l) => widthOf(l) <= maxChars + 1e-9)) {
          best = attempt;
          break;
        }
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
  captionFontSize?: number;
  captionMaxChars?: number;
  /** Distance of the caption block's bottom edge from the frame bottom; clears platform UI. */
  captionMarginV?: number;
}

export function buildAssScript(
  plan: RenderPlan,
  { fontFamily, captionFontSize = 64, captionMaxChars = 14, captionMarginV = 360 }: AssOptions,
): string {
  const { colors } = plan;
  const black = assColor("#000000");
  const shade = assColor("#000000", 0x60);
  const font = fontFamily.replace(/,/g, " ");
  const style = (
    name: string,
    size: number,
    primary: string,
    bold: boolean,
    borderStyle: number,
    outline: number,
    shadow: number,
    alignment: number,
    marginV: number,
    back = shade,
  ) =>
    `Style: ${name},${font},${size},${primary},${primary},${black},${back},${bold ? -1 : 0},0,0,0,100,100,0,0,${borderStyle},${outline},${shadow},${alignment},60,60,${marginV},1`;
  const text = (lines: string[]) => lines.map(escapeAssText).join("\\N");
  const dialogue = (start: number, end: number, styleName: string, body: string) =>
    `Dialogue: 0,${assTime(start)},${assTime(end)},${styleName},,0,0,0,,${body}`;

  const events: string[] = [];
  if (plan.intro.kind === "card") {
    const end = plan.intro.seconds;
    events.push(dialogue(0, end, "Kicker", `{\\an5\\pos(540,720)}${text([plan.columnName])}`));
    events.push(
      dialogue(
        0,
        end,
        "Title",
        `{\\an5\\pos(540,960)}${text(breakCaptionLines(plan.episodeTitle, { maxChars: 9 }))}`,
      ),
    );
  }
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
  const outroEnd = outroStart + plan.outro.seconds;
  events.push(dialogue(outroStart, outroEnd, "Kicker", `{\\an5\\pos(540,720)}${text([plan.columnName])}`));
  events.push(
    dialogue(
      outroStart,
      outroEnd,
      "Outro",
      `{\\an5\\pos(540,960)}${text(breakCaptionLines(plan.outro.line, { maxChars: 11 }))}`,
    ),
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
    style("Title", 96, assColor(colors.text), true, 1, 0, 0, 5, 0),
    style("Kicker", 56, assColor(colors.accent), true, 1, 0, 0, 5, 0),
    style("Outro", 80, assColor(colors.text), true, 1, 0, 0, 5, 0),
    "",
    "[Events]",
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
    ...events,
    "",
  ].join("\n");
}
