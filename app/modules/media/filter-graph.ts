import { UPLOADED_FILE_INPUT_OPTIONS, type FfmpegInput, type FfmpegOutput } from "./ffmpeg-args";
import type { PlannedSegment, RenderPlan } from "./render-plan";

/**
 * Builds the single-pass filter graph for an episode. Pure: the same plan always yields the same
 * graph, so it is unit-tested without encoding. File names in the graph are relative to the
 * render's work dir (the process cwd) so nothing needs filter-graph escaping.
 */

export const AUDIO_RATE = 48000;
/** Blurred fill is computed at quarter size: four times cheaper and the blur hides the upscale. */
const BG_W = 270;
const BG_H = 480;
/** The column logo fits a 160 px box, 48 px from the top-right corner. */
const LOGO_BOX = 160;
const LOGO_MARGIN = 48;
/** Input read a little past the planned length so fps conversion never runs short of frames. */
const READ_SLACK_SECONDS = 0.5;

export interface FilterGraphOptions {
  /** ASS file name inside the work dir. */
  assFileName: string;
  /** Directory inside the work dir holding only the caption font. */
  fontsDirName: string;
  /** Integrated loudness target (LUFS). */
  loudnessTarget?: number;
}

export interface BuiltFilterGraph {
  inputs: FfmpegInput[];
  filterComplex: string;
  videoLabel: string;
  audioLabel: string;
}

const hexColor = (hex: string) => `0x${hex.replace("#", "")}`;
const num = (n: number) => Number(n.toFixed(3)).toString();

/** Sources already 9:16 (within 1%) skip the blurred fill entirely. */
export function isPortraitFit(segment: Pick<PlannedSegment, "clip">): boolean {
  const { width, height, sar } = segment.clip;
  const aspect = (width * (sar || 1)) / height;
  return Math.abs(aspect / (9 / 16) - 1) < 0.01;
}

function inputFor(segment: PlannedSegment, fps: number): FfmpegInput {
  const readFor = num(segment.seconds + READ_SLACK_SECONDS);
  if (segment.clip.kind === "image") {
    return { source: segment.clip.path, options: ["-loop", "1", "-framerate", String(fps), "-t", readFor] };
  }
  const options = segment.sourceStartSeconds > 0 ? ["-ss", num(segment.sourceStartSeconds)] : [];
  return { source: segment.clip.path, options: [...options, "-t", readFor] };
}

function videoChain(index: number, segment: PlannedSegment, plan: RenderPlan, out: string): string[] {
  const { width: W, height: H, fps } = plan;
  // Anamorphic sources: stretch to display shape first, then everything downstream has square pixels.
  const sarFix = Math.abs((segment.clip.sar || 1) - 1) > 0.001 ? "scale=trunc(iw*sar/2)*2:ih," : "";
  // fps first (drops frames before the costly scales); tpad+trim make the length frame-exact even
  // when the source ends a few frames early.
  const head = `[${index}:v]${sarFix}setsar=1,fps=${fps},tpad=stop_mode=clone:stop_duration=${READ_SLACK_SECONDS + 1},trim=end_frame=${segment.frames},setpts=PTS-STARTPTS`;
  if (isPortraitFit(segment)) return [`${head},scale=${W}:${H},setsar=1,format=yuv420p[${out}]`];
  const fg = `${out}fg`;
  const bg = `${out}bg`;
  return [
    `${head},split=2[${fg}in][${bg}in]`,
    `[${bg}in]scale=${BG_W}:${BG_H}:force_original_aspect_ratio=increase,crop=${BG_W}:${BG_H},boxblur=10:2,scale=${W}:${H},setsar=1[${bg}]`,
    `[${fg}in]scale=${W}:${H}:force_original_aspect_ratio=decrease,setsar=1[${fg}]`,
    `[${bg}][${fg}]overlay=(W-w)/2:(H-h)/2,format=yuv420p[${out}]`,
  ];
}

function audioChain(source: string | null, seconds: number, out: string): string {
  const samples = Math.round(seconds * AUDIO_RATE);
  const format = `aformat=sample_fmts=fltp:sample_rates=${AUDIO_RATE}:channel_layouts=stereo`;
  // A clip without sound still needs a track of its exact length or concat would misalign.
  if (source === null)
    return `anullsrc=r=${AUDIO_RATE}:cl=stereo,atrim=end_sample=${samples},${format}[${out}]`;
  return `${source}aresample=${AUDIO_RATE},${format},apad,atrim=end_sample=${samples},asetpts=PTS-STARTPTS[${out}]`;
}

function cardChain(plan: RenderPlan, frames: number, out: string): string {
  return `color=c=${hexColor(plan.colors.background)}:s=${plan.width}x${plan.height}:r=${plan.fps},trim=end_frame=${frames},setsar=1,format=yuv420p[${out}]`;
}

export function buildFilterGraph(
  plan: RenderPlan,
  { assFileName, fontsDirName, loudnessTarget = -14 }: FilterGraphOptions,
): BuiltFilterGraph {
  const inputs: FfmpegInput[] = [];
  const chains: string[] = [];
  const pairs: string[] = [];

  const addSegment = (segment: PlannedSegment, name: string) => {
    const index = inputs.length;
    inputs.push(inputFor(segment, plan.fps));
    chains.push(...videoChain(index, segment, plan, `v${name}`));
    chains.push(
      audioChain(
        segment.clip.kind === "video" && segment.clip.hasAudio ? `[${index}:a]` : null,
        segment.seconds,
        `a${name}`,
      ),
    );
    pairs.push(`[v${name}][a${name}]`);
  };

  if (plan.intro.kind === "clip") {
    addSegment(plan.intro, "intro");
  } else {
    chains.push(cardChain(plan, plan.intro.frames, "vintro"), audioChain(null, plan.intro.seconds, "aintro"));
    pairs.push("[vintro][aintro]");
  }
  plan.body.forEach((segment, i) => addSegment(segment, `b${i}`));

  if (plan.outro.background) {
    // Filled and cropped to the frame (no blur pass: the outro line sits on top of it); a short clip holds its last frame.
    const index = inputs.length;
    const readFor = num(plan.outro.seconds + READ_SLACK_SECONDS);
    inputs.push({
      source: plan.outro.background.path,
      options:
        plan.outro.background.kind === "image"
          ? ["-loop", "1", "-framerate", String(plan.fps), "-t", readFor]
          : ["-t", readFor],
    });
    chains.push(
      `[${index}:v]setsar=1,fps=${plan.fps},tpad=stop_mode=clone:stop_duration=${READ_SLACK_SECONDS + plan.outro.seconds},trim=end_frame=${plan.outro.frames},setpts=PTS-STARTPTS,scale=${plan.width}:${plan.height}:force_original_aspect_ratio=increase,crop=${plan.width}:${plan.height},setsar=1,format=yuv420p[voutro]`,
    );
  } else {
    chains.push(cardChain(plan, plan.outro.frames, "voutro"));
  }
  if (plan.outro.audioPath) {
    const index = inputs.length;
    inputs.push({
      source: plan.outro.audioPath,
      options: ["-t", num(plan.outro.seconds + READ_SLACK_SECONDS)],
    });
    chains.push(audioChain(`[${index}:a]`, plan.outro.seconds, "aoutro"));
  } else {
    chains.push(audioChain(null, plan.outro.seconds, "aoutro"));
  }
  pairs.push("[voutro][aoutro]");

  chains.push(`${pairs.join("")}concat=n=${pairs.length}:v=1:a=1[vcat][acat]`);
  let captioned = "[vcat]";
  if (plan.logoPath) {
    // The logo sits under the captions, top-right, clear of the platform's own overlays at the bottom.
    const index = inputs.length;
    inputs.push({
      source: plan.logoPath,
      options: [
        "-loop",
        "1",
        "-framerate",
        String(plan.fps),
        "-t",
        num(plan.totalSeconds + READ_SLACK_SECONDS),
      ],
    });
    chains.push(
      `[${index}:v]scale=${LOGO_BOX}:${LOGO_BOX}:force_original_aspect_ratio=decrease,format=rgba[logo]`,
    );
    chains.push(`[vcat][logo]overlay=W-w-${LOGO_MARGIN}:${LOGO_MARGIN}:shortest=1:format=yuv420[vlogo]`);
    captioned = "[vlogo]";
  }
  chains.push(`${captioned}ass=filename=${assFileName}:fontsdir=${fontsDirName}[vout]`);
  // loudnorm upsamples internally to 192 kHz; resample back for AAC.
  chains.push(
    `[acat]loudnorm=I=${loudnessTarget}:TP=-1.5:LRA=11,aresample=${AUDIO_RATE},aformat=sample_fmts=fltp:channel_layouts=stereo[aout]`,
  );

  return {
    // Every input is an uploaded file (cards are sources inside the graph): local files and media demuxers only.
    inputs: inputs.map((input) => ({
      ...input,
      options: [...UPLOADED_FILE_INPUT_OPTIONS, ...(input.options ?? [])],
    })),
    filterComplex: chains.join(";"),
    videoLabel: "[vout]",
    audioLabel: "[aout]",
  };
}

export interface EncoderSettings {
  /** x264 preset. Production default `veryfast`: on two cores it keeps a 60 s episode near real time. */
  preset?: string;
  crf?: number;
  audioBitrate?: string;
}

export const DEFAULT_ENCODER: Required<EncoderSettings> = {
  preset: "veryfast",
  crf: 21,
  audioBitrate: "128k",
};

export function buildOutputOptions(
  plan: RenderPlan,
  graph: BuiltFilterGraph,
  settings: EncoderSettings = {},
): string[] {
  const { preset, crf, audioBitrate } = { ...DEFAULT_ENCODER, ...settings };
  return [
    "-map",
    graph.videoLabel,
    "-map",
    graph.audioLabel,
    "-c:v",
    "libx264",
    "-preset",
    preset,
    "-crf",
    String(crf),
    "-profile:v",
    "high",
    "-pix_fmt",
    "yuv420p",
    "-r",
    String(plan.fps),
    "-c:a",
    "aac",
    "-b:a",
    audioBitrate,
    "-ar",
    String(AUDIO_RATE),
    "-ac",
    "2",
    "-t",
    num(plan.totalSeconds),
    "-movflags",
    "+faststart",
    "-f",
    "mp4",
  ];
}

export function buildOutput(
  target: string,
  plan: RenderPlan,
  graph: BuiltFilterGraph,
  settings?: EncoderSettings,
): FfmpegOutput {
  return { target, options: buildOutputOptions(plan, graph, settings) };
}
