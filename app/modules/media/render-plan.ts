/**
 * Pure timeline planning: decides what plays when, frame-exact, before any encoding happens.
 * Durations are counted in output frames so the encoded file lands on the column's length.
 */

import type { ErrorParams } from "~/lib/error-codes";

export const OUTPUT_WIDTH = 1080;
export const OUTPUT_HEIGHT = 1920;
export const OUTPUT_FPS = 30;

export const DEFAULT_INTRO_CARD_SECONDS = 2;
export const DEFAULT_OUTRO_SECONDS = 3;
/** An intro clip longer than this is cut: the column's hook must not eat the body. */
export const MAX_INTRO_CLIP_SECONDS = 5;
export const DEFAULT_STILL_SECONDS = 3;
/** Breath after the last line before the outro card when an episode shortens: the voice is never cut off. */
export const SHORTEN_TAIL_SECONDS = 0.5;
/** Shorter segments flash by unreadably; refusing them is kinder than rendering them. */
export const MIN_SEGMENT_SECONDS = 0.5;

export interface ColumnColors {
  /** `#RRGGBB` */
  background: string;
  text: string;
  accent: string;
}

export const DEFAULT_COLUMN_COLORS: ColumnColors = {
  background: "#12355B",
  text: "#FFFFFF",
  accent: "#FFC145",
};

export interface ClipSource {
  id: string;
  path: string;
  kind: "video" | "image";
  /** Probed duration; ignored for images. */
  durationSeconds: number | null;
  width: number;
  height: number;
  /** Sample aspect ratio (1 = square pixels). */
  sar: number;
  hasAudio: boolean;
  /** In-point chosen by the editor. */
  startSeconds?: number;
  /** Preferred on-screen time of a still image. */
  stillSeconds?: number;
}

export interface ColumnSpec {
  name: string;
  durationSeconds: number;
  /** Fixed line burned onto every episode's outro card. */
  outroLine: string;
  colors?: Partial<ColumnColors>;
  /** Replaces the title card when set. */
  introClip?: ClipSource | null;
  introCardSeconds?: number;
  outroSeconds?: number;
  /** The column's outro jingle; silence when absent. */
  outroAudioPath?: string | null;
  /** Background of the outro card (a still image or a clip, cropped to fill); the plain colour when absent. */
  outroBackground?: { path: string; kind: "video" | "image" } | null;
  /** The column's logo (PNG/JPEG), shown in the top-right corner for the whole episode. */
  logoPath?: string | null;
}

export interface ScriptLine {
  text: string;
  seconds: number;
}

export interface EpisodeSpec {
  title: string;
  /** Ordered narration lines; each becomes a caption cue for its seconds. */
  script: ScriptLine[];
  /**
   * A script shorter than the body: `pad` (the default) keeps the column's length, the footage
   * running on under its own sound after the last line's subtitle ends; `shorten` ends the body
   * SHORTEN_TAIL_SECONDS after the last line, so the video is shorter than the column.
   */
  fit?: "pad" | "shorten";
}

export interface PlannedSegment {
  clip: ClipSource;
  /** Offset into the source where this segment starts. */
  sourceStartSeconds: number;
  frames: number;
  seconds: number;
  timelineStartSeconds: number;
}

export interface CaptionCue {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

export interface RenderPlan {
  width: number;
  height: number;
  fps: number;
  totalFrames: number;
  totalSeconds: number;
  columnName: string;
  episodeTitle: string;
  colors: ColumnColors;
  intro: { kind: "card"; frames: number; seconds: number } | ({ kind: "clip" } & PlannedSegment);
  body: PlannedSegment[];
  outro: {
    frames: number;
    seconds: number;
    timelineStartSeconds: number;
    line: string;
    audioPath: string | null;
    background: { path: string; kind: "video" | "image" } | null;
  };
  cues: CaptionCue[];
  /** Column logo burned into the top-right corner; null for none. */
  logoPath: string | null;
  /** Non-fatal notes for the editor (e.g. script lines that did not fit). */
  warnings: string[];
}

export type PlanErrorCode =
  | "bad_column"
  | "no_clips"
  | "body_too_short"
  | "footage_too_short"
  | "too_many_clips"
  | "bad_clip"
  | "bad_script";

export type PlanResult =
  { ok: true; plan: RenderPlan } | { ok: false; code: PlanErrorCode; message: string; params?: ErrorParams };

export interface PlanRenderOptions {
  column: ColumnSpec;
  episode: EpisodeSpec;
  clips: ClipSource[];
}

const framesOf = (seconds: number) => Math.round(seconds * OUTPUT_FPS);
const secondsOf = (frames: number) => frames / OUTPUT_FPS;
const HEX = /^#[0-9A-Fa-f]{6}$/;

/** `params` are what the code's translation (`errors.<code>`) interpolates. */
function fail(code: PlanErrorCode, message: string, params?: ErrorParams): PlanResult {
  return { ok: false, code, message, ...(params ? { params } : {}) };
}

/** Frames a clip can give from its in-point onwards; still images are elastic. */
function naturalFrames(clip: ClipSource): number {
  if (clip.kind === "image") return framesOf(clip.stillSeconds ?? DEFAULT_STILL_SECONDS);
  return Math.floor(((clip.durationSeconds ?? 0) - (clip.startSeconds ?? 0)) * OUTPUT_FPS);
}

/**
 * Splits `total` frames across clips in proportion to `weights` (largest-remainder rounding) so
 * the parts always sum exactly to `total`.
 */
export function apportionFrames(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

function allocateBody(
  bodyFrames: number,
  clips: ClipSource[],
):
  { ok: true; frames: number[] } | { ok: false; code: PlanErrorCode; message: string; params?: ErrorParams } {
  const natural = clips.map(naturalFrames);
  const available = natural.reduce((a, b) => a + b, 0);
  if (available >= bodyFrames) {
    // Too much footage: trim every clip by the same proportion so each keeps its share of the story.
    return { ok: true, frames: apportionFrames(bodyFrames, natural) };
  }
  const stills = clips.map((c, i) => (c.kind === "image" ? i : -1)).filter((i) => i >= 0);
  if (stills.length === 0) {
    const missing = secondsOf(bodyFrames - available);
    return {
      ok: false,
      code: "footage_too_short",
      message: `素材总时长不够，还差 ${missing.toFixed(1)} 秒，请再添加素材或图片。`,
      params: { missing: missing.toFixed(1) },
    };
  }
  // Stills stretch to cover the shortfall; video cannot be lengthened without looking broken.
  const extra = apportionFrames(
    bodyFrames - available,
    stills.map(() => 1),
  );
  const frames = [...natural];
  stills.forEach((clipIndex, k) => (frames[clipIndex] += extra[k]));
  return { ok: true, frames };
}

function timeCues(
  script: ScriptLine[],
  bodyStart: number,
  bodyEnd: number,
  warnings: string[],
): CaptionCue[] {
  const cues: CaptionCue[] = [];
  let t = bodyStart;
  let dropped = 0;
  for (const line of script) {
    const text = line.text.trim();
    if (!text) continue;
    if (t >= bodyEnd - 1e-9) {
      dropped += 1;
      continue;
    }
    const end = Math.min(t + line.seconds, bodyEnd);
    cues.push({ startSeconds: t, endSeconds: end, text });
    t = end;
  }
  if (dropped > 0) warnings.push(`脚本比正片长，最后 ${dropped} 句字幕放不下，已省略。`);
  return cues;
}

function checkClip(clip: ClipSource, label: string): string | null {
  if (!clip.path) return `${label}缺少文件。`;
  if (!(clip.width > 0 && clip.height > 0)) return `${label}画面尺寸未知，请先完成素材检测。`;
  if (clip.kind === "video" && !(clip.durationSeconds !== null && clip.durationSeconds > 0))
    return `${label}时长未知，请先完成素材检测。`;
  if ((clip.startSeconds ?? 0) < 0) return `${label}的起点不能为负数。`;
  return null;
}

export function planRender({ column, episode, clips }: PlanRenderOptions): PlanResult {
  if (!(column.durationSeconds > 0) || column.durationSeconds > 600)
    return fail("bad_column", "栏目时长必须在 0 到 600 秒之间。", { context: "duration" });
  const colors: ColumnColors = { ...DEFAULT_COLUMN_COLORS, ...column.colors };
  if (![colors.background, colors.text, colors.accent].every((c) => HEX.test(c)))
    return fail("bad_column", "栏目颜色必须是 #RRGGBB 格式。", { context: "colors" });
  if (clips.length === 0)
    return fail("no_clips", "还没有添加素材，至少需要一段视频或一张图片。", { context: "plan" });
  for (const [i, clip] of clips.entries()) {
    const problem = checkClip(clip, `第 ${i + 1} 段素材`);
    if (problem) return fail("bad_clip", problem, { detail: problem });
  }
  for (const [i, line] of episode.script.entries()) {
    if (!(line.seconds > 0) || line.seconds > 600)
      return fail("bad_script", `第 ${i + 1} 句脚本的秒数必须大于 0。`, { line: i + 1 });
  }

  const columnFrames = framesOf(column.durationSeconds);
  const warnings: string[] = [];

  let intro: RenderPlan["intro"];
  if (column.introClip) {
    const problem = checkClip(column.introClip, "片头视频");
    if (problem) return fail("bad_clip", problem, { detail: problem });
    const frames = Math.min(naturalFrames(column.introClip), framesOf(MAX_INTRO_CLIP_SECONDS));
    intro = {
      kind: "clip",
      clip: column.introClip,
      sourceStartSeconds: column.introClip.startSeconds ?? 0,
      frames,
      seconds: secondsOf(frames),
      timelineStartSeconds: 0,
    };
  } else {
    const frames = framesOf(column.introCardSeconds ?? DEFAULT_INTRO_CARD_SECONDS);
    intro = { kind: "card", frames, seconds: secondsOf(frames) };
  }
  const outroFrames = framesOf(column.outroSeconds ?? DEFAULT_OUTRO_SECONDS);
  const fullBodyFrames = columnFrames - intro.frames - outroFrames;
  const scriptSeconds = episode.script.reduce((sum, line) => sum + line.seconds, 0);
  const bodyFrames =
    episode.fit === "shorten" && scriptSeconds > 0
      ? Math.min(fullBodyFrames, framesOf(scriptSeconds + SHORTEN_TAIL_SECONDS))
      : fullBodyFrames;
  const totalFrames = intro.frames + bodyFrames + outroFrames;
  if (bodyFrames <= 0) {
    return fail(
      "body_too_short",
      `栏目总长 ${column.durationSeconds} 秒，去掉片头 ${intro.seconds} 秒和片尾 ${secondsOf(outroFrames)} 秒后没有正片时间。`,
      { total: column.durationSeconds, intro: intro.seconds, outro: secondsOf(outroFrames) },
    );
  }
  if (clips.length * framesOf(MIN_SEGMENT_SECONDS) > bodyFrames) {
    return fail(
      "too_many_clips",
      `素材太多：正片只有 ${secondsOf(bodyFrames).toFixed(1)} 秒，每段至少要 ${MIN_SEGMENT_SECONDS} 秒。`,
      { body: secondsOf(bodyFrames).toFixed(1), min: MIN_SEGMENT_SECONDS },
    );
  }

  const allocation = allocateBody(bodyFrames, clips);
  if (!allocation.ok) return allocation;
  const minFrames = framesOf(MIN_SEGMENT_SECONDS);
  const shortIndex = allocation.frames.findIndex((f) => f < minFrames);
  if (shortIndex >= 0)
    return fail(
      "too_many_clips",
      `第 ${shortIndex + 1} 段素材只能分到不足 ${MIN_SEGMENT_SECONDS} 秒，请删减素材或换更长的片段。`,
      { context: "short", clip: shortIndex + 1, min: MIN_SEGMENT_SECONDS },
    );

  let cursor = intro.frames;
  const body: PlannedSegment[] = clips.map((clip, i) => {
    const frames = allocation.frames[i];
    const segment = {
      clip,
      sourceStartSeconds: clip.kind === "image" ? 0 : (clip.startSeconds ?? 0),
      frames,
      seconds: secondsOf(frames),
      timelineStartSeconds: secondsOf(cursor),
    };
    cursor += frames;
    return segment;
  });
  const bodyEnd = secondsOf(cursor);
  const cues = timeCues(episode.script, intro.seconds, bodyEnd, warnings);

  return {
    ok: true,
    plan: {
      width: OUTPUT_WIDTH,
      height: OUTPUT_HEIGHT,
      fps: OUTPUT_FPS,
      totalFrames,
      totalSeconds: secondsOf(totalFrames),
      columnName: column.name,
      episodeTitle: episode.title,
      colors,
      intro,
      body,
      outro: {
        frames: outroFrames,
        seconds: secondsOf(outroFrames),
        timelineStartSeconds: bodyEnd,
        line: column.outroLine,
        audioPath: column.outroAudioPath ?? null,
        background: column.outroBackground ?? null,
      },
      cues,
      logoPath: column.logoPath ?? null,
      warnings,
    },
  };
}
