import { z } from "zod";
import { requiredText } from "~/lib/schema-fields";
import { DEFAULT_INTRO_CARD_SECONDS, DEFAULT_OUTRO_SECONDS, SHORTEN_TAIL_SECONDS } from "./render-plan";

/**
 * Pure script rules, shared by the browser (live totals while typing) and the server (save, the
 * submit gate and the render). The column's outro line is never stored with the lines: it is
 * always appended, so no episode can lose it.
 */

export const DEFAULT_READING_SPEED_CPS = 4.5;
export const MAX_SCRIPT_LINES = 60;
export const VOICEOVER_MAX = 200;
export const CAPTION_MAX = 60;
export const SHOT_NOTE_MAX = 200;
export const LINE_SECONDS_MAX = 60;

/**
 * Title card and outro card lengths for a column: 2 s and 3 s on a normal column, scaled down on very
 * short ones (an eighth of the length each) so a 4-second test column still has a body.
 */
export function cardSeconds(durationSeconds: number): { intro: number; outro: number } {
  const eighth = Math.round((durationSeconds / 8) * 30) / 30;
  return {
    intro: Math.min(DEFAULT_INTRO_CARD_SECONDS, eighth),
    outro: Math.min(DEFAULT_OUTRO_SECONDS, eighth),
  };
}

export interface EpisodeScriptLine {
  voiceover: string;
  caption: string;
  shotNote: string;
  seconds: number;
}

const secondsField = z.coerce
  .number({ error: "秒数必须是数字" })
  .refine(Number.isFinite, "秒数必须是数字")
  .min(0.5, "每句至少 0.5 秒")
  .max(LINE_SECONDS_MAX, `每句不能超过 ${LINE_SECONDS_MAX} 秒`);

export const scriptLineSchema = z.object({
  voiceover: requiredText(VOICEOVER_MAX, {
    empty: "口播文案不能为空",
    tooLong: `口播文案不能超过 ${VOICEOVER_MAX} 个字`,
    notText: "口播文案必须是文字",
  }),
  caption: z
    .string({ error: "字幕必须是文字" })
    .trim()
    .max(CAPTION_MAX, `字幕不能超过 ${CAPTION_MAX} 个字`)
    .default(""),
  shotNote: z
    .string({ error: "镜头备注必须是文字" })
    .trim()
    .max(SHOT_NOTE_MAX, `镜头备注不能超过 ${SHOT_NOTE_MAX} 个字`)
    .default(""),
  seconds: secondsField,
});

/** One schema for the script editor (its hidden JSON field) and PUT /api/v1/episodes/{id}/script. */
export const saveScriptSchema = z.object({
  version: z.coerce.number({ error: "缺少版本号" }).int().positive("缺少版本号"),
  lines: z
    .array(scriptLineSchema, { error: "脚本格式不正确" })
    .max(MAX_SCRIPT_LINES, `脚本最多 ${MAX_SCRIPT_LINES} 句`),
});
export type SaveScriptInput = z.infer<typeof saveScriptSchema>;

/** The editor posts the lines as one JSON field so the form keeps its order and structure. */
export const saveScriptFormSchema = z.object({
  version: saveScriptSchema.shape.version,
  lines: z.preprocess((v) => {
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return "not-json";
    }
  }, saveScriptSchema.shape.lines),
});

/**
 * Characters a narrator has to speak: each Han character or full-width digit counts 1, Latin letters
 * and digits count half (「CarPlay」 is read faster than seven Chinese syllables), punctuation nothing.
 */
export function spokenChars(text: string): number {
  let count = 0;
  for (const ch of text) {
    if (/[\p{Script=Han}\u3040-\u30ff\uff10-\uff19]/u.test(ch)) count += 1;
    else if (/[A-Za-z0-9]/.test(ch)) count += 0.5;
  }
  return count;
}

export interface LineCheck {
  chars: number;
  /** Characters per second this line asks of the narrator. */
  cps: number;
  tooFast: boolean;
}

export interface ScriptCheck {
  lines: LineCheck[];
  introSeconds: number;
  outroSeconds: number;
  outro: LineCheck;
  /** Seconds of the script lines alone. */
  linesSeconds: number;
  /** Intro card + lines + outro, compared with the column's duration. */
  totalSeconds: number;
  durationSeconds: number;
  overrunSeconds: number;
  ok: boolean;
}

export interface ScriptColumnRules {
  durationSeconds: number;
  outroLine: string;
  readingSpeedCps: number;
}

function checkLine(text: string, seconds: number, maxCps: number): LineCheck {
  const chars = spokenChars(text);
  const cps = seconds > 0 ? chars / seconds : Number.POSITIVE_INFINITY;
  return { chars, cps, tooFast: cps > maxCps + 1e-9 };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Running total and reading speed of a script against its column. */
export function checkScript(
  lines: Pick<EpisodeScriptLine, "voiceover" | "seconds">[],
  column: ScriptColumnRules,
): ScriptCheck {
  const maxCps = column.readingSpeedCps > 0 ? column.readingSpeedCps : DEFAULT_READING_SPEED_CPS;
  const checked = lines.map((l) => checkLine(l.voiceover, Number(l.seconds) || 0, maxCps));
  const linesSeconds = round1(lines.reduce((sum, l) => sum + (Number(l.seconds) || 0), 0));
  const cards = cardSeconds(column.durationSeconds);
  const introSeconds = cards.intro;
  const outroSeconds = cards.outro;
  const totalSeconds = Math.round((introSeconds + linesSeconds + outroSeconds) * 100) / 100;
  const overrunSeconds = Math.max(0, Math.round((totalSeconds - column.durationSeconds) * 100) / 100);
  const outro = checkLine(column.outroLine, outroSeconds, maxCps);
  return {
    lines: checked,
    introSeconds,
    outroSeconds,
    outro,
    linesSeconds,
    totalSeconds,
    durationSeconds: column.durationSeconds,
    overrunSeconds,
    ok: overrunSeconds === 0 && checked.every((l) => !l.tooFast),
  };
}

/** Why a script may not go to review: its Chinese text, the values its translation needs, and the lines at fault. */
export interface ScriptProblem {
  /** `errors.script_invalid_<context>`: overrun or tooFast. */
  context: "overrun" | "tooFast";
  message: string;
  params: Record<string, string | number>;
  /** 0-based indexes of the lines the problem is in: those running past the column, or the fast one. */
  lines: number[];
}

/**
 * The first reason a script may not go to review; null when it may. An episode without script
 * lines (drafted before the editor existed, body text only) has nothing to overrun. An overrun
 * names the lines that end after the outro card should have begun.
 */
export function findScriptProblem(
  lines: Pick<EpisodeScriptLine, "voiceover" | "seconds">[],
  column: ScriptColumnRules,
): ScriptProblem | null {
  const check = checkScript(lines, column);
  if (check.overrunSeconds > 0) {
    const outroStart = column.durationSeconds - check.outroSeconds;
    let end = check.introSeconds;
    const past = lines.flatMap((l, i) => {
      end += Number(l.seconds) || 0;
      return end > outroStart + 1e-9 ? [i] : [];
    });
    const params = {
      intro: check.introSeconds,
      lines: check.linesSeconds,
      outro: check.outroSeconds,
      total: check.totalSeconds,
      duration: column.durationSeconds,
      over: check.overrunSeconds,
    };
    return {
      context: "overrun",
      message: `脚本超时：片头 ${params.intro} 秒 + 口播 ${params.lines} 秒 + 结尾口号 ${params.outro} 秒 = ${params.total} 秒，超过栏目时长 ${params.duration} 秒（多 ${params.over} 秒）。请删减后再提交。`,
      params,
      lines: past,
    };
  }
  const fast = check.lines.findIndex((l) => l.tooFast);
  if (fast >= 0) {
    const l = check.lines[fast];
    const params = {
      line: fast + 1,
      chars: l.chars,
      seconds: lines[fast].seconds,
      cps: l.cps.toFixed(1),
      max: column.readingSpeedCps,
    };
    return {
      context: "tooFast",
      message: `第 ${params.line} 句语速过快：${params.chars} 字 ${params.seconds} 秒，每秒 ${params.cps} 字，超过 ${params.max} 字/秒。请加长秒数或删减文字。`,
      params,
      lines: [fast],
    };
  }
  return null;
}

/** The first reason a script may not go to review, in Chinese; null when it may. */
export function scriptProblem(
  lines: Pick<EpisodeScriptLine, "voiceover" | "seconds">[],
  column: ScriptColumnRules,
): string | null {
  return findScriptProblem(lines, column)?.message ?? null;
}

/**
 * What a script shorter than its column does (chosen per episode): `pad` keeps the column's length,
 * the footage running on under its own sound after the last line (whose subtitle ends with it)
 * until the outro card; `shorten` cuts the body SHORTEN_TAIL_SECONDS after the last line, so the
 * video is shorter than the column.
 */
export const SHORT_SCRIPT_FITS = ["pad", "shorten"] as const;
export type ShortScriptFit = (typeof SHORT_SCRIPT_FITS)[number];
export const DEFAULT_SHORT_SCRIPT_FIT: ShortScriptFit = "pad";

const shortScriptFit = z.enum(SHORT_SCRIPT_FITS, { error: "请选择“补齐”或“缩短”" });

/** The episode page's choice (`fit`). */
export const shortScriptFitSchema = z.object({ fit: shortScriptFit });

/** PATCH /api/v1/episodes/{id}: the same choice under the name GET answers it with. */
export const updateEpisodeSchema = z.object({ shortScriptFit });

/** Seconds a script leaves before the outro card with no voice or subtitle (0 when it fills or overruns). */
export function shortBySeconds(check: Pick<ScriptCheck, "durationSeconds" | "totalSeconds">): number {
  return Math.max(0, Math.round((check.durationSeconds - check.totalSeconds) * 10) / 10);
}

/** The video's length for a fit: the column's, or (shorten) the script's plus a breath, never longer than the column. */
export function fittedSeconds(check: ScriptCheck, fit: ShortScriptFit): number {
  if (fit === "pad" || check.linesSeconds <= 0) return check.durationSeconds;
  return Math.min(check.durationSeconds, Math.round((check.totalSeconds + SHORTEN_TAIL_SECONDS) * 100) / 100);
}

/** Plain-text rendition stored as the piece body, so revisions and their diffs show script changes. */
export function scriptToBody(lines: EpisodeScriptLine[], outroLine: string): string {
  const out = lines.map((l, i) => {
    const extras = [
      l.caption && l.caption !== l.voiceover ? `字幕：${l.caption}` : "",
      l.shotNote ? `镜头：${l.shotNote}` : "",
    ]
      .filter(Boolean)
      .join("；");
    return `${i + 1}. [${l.seconds} 秒] ${l.voiceover}${extras ? `（${extras}）` : ""}`;
  });
  out.push(`结尾：${outroLine}`);
  return out.join("\n");
}
