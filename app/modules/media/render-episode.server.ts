import { randomBytes } from "node:crypto";
import { copyFile, mkdir, mkdtemp, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { notoSansScBoldPath, notoSansScRegularPath, NOTO_SANS_SC_FAMILY } from "~/lib/fonts.server";
import { buildAssScript } from "./captions";
import { assFontSizePerEm } from "./font-metrics.server";
import { runFfmpeg, silentLogger, type MediaLogger } from "./ffmpeg.server";
import { buildFilterGraph, buildOutput, type EncoderSettings } from "./filter-graph";
import { probeMedia } from "./probe-media.server";
import {
  planRender,
  type ClipSource,
  type ColumnSpec,
  type EpisodeSpec,
  type PlanErrorCode,
  type RenderPlan,
} from "./render-plan";

export const THUMBNAIL_WIDTH = 270;
export const THUMBNAIL_HEIGHT = 480;
/** The encoded file may differ from the plan by AAC priming and frame rounding, never by more. */
export const DURATION_TOLERANCE_SECONDS = 0.1;

export interface RenderProgress {
  fraction: number;
  etaSeconds: number | null;
}

export interface RenderEpisodeOptions {
  /** Parent for this render's private temp dir (deleted afterwards). */
  workDir: string;
  outputPath: string;
  coverPath: string;
  thumbnailPath: string;
  column: ColumnSpec;
  episode: EpisodeSpec;
  /** Body clips in playing order. */
  clips: ClipSource[];
  /** Second of the finished video used for the cover; defaults to one second into the body. */
  coverAtSecond?: number;
  onProgress?: (progress: RenderProgress) => void;
  signal?: AbortSignal;
  logger?: MediaLogger;
  encoder?: EncoderSettings;
  now?: () => number;
}

export type RenderErrorCode = PlanErrorCode | "aborted" | "encode_failed" | "verify_failed" | "cover_failed";

export type RenderEpisodeResult =
  | {
      ok: true;
      durationSeconds: number;
      bytes: number;
      width: number;
      height: number;
      warnings: string[];
      plan: RenderPlan;
    }
  | { ok: false; code: RenderErrorCode; message: string; detail?: string };

const MESSAGES = {
  aborted: "渲染已取消。",
  encode_failed: "视频合成失败，请检查素材后重试。",
  verify_failed: "合成结果校验未通过，已丢弃，请重试。",
  cover_failed: "封面截取失败，请重试。",
} as const;

/** Only the caption fonts: libass loads every file in fontsdir, and the graph path stays plain. */
export async function prepareFontsDir(dir: string): Promise<void> {
  await mkdir(dir);
  for (const [source, name] of [
    [notoSansScRegularPath, "regular.ttf"],
    [notoSansScBoldPath, "bold.ttf"],
  ] as const) {
    const target = path.join(dir, name);
    await symlink(source, target).catch(() => copyFile(source, target));
  }
}

/** Same-directory temp name so the final rename is atomic and never crosses file systems. */
function siblingTemp(finalPath: string, token: string): string {
  const ext = path.extname(finalPath);
  return path.join(path.dirname(finalPath), `.${path.basename(finalPath, ext)}.${token}.tmp${ext}`);
}

export function defaultCoverSecond(plan: RenderPlan): number {
  const first = plan.body[0];
  return first.timelineStartSeconds + Math.min(1, first.seconds / 2);
}

/** Returns a problem description, or the measured duration when the file matches the spec. */
async function verifyOutput(file: string, plan: RenderPlan): Promise<string | number> {
  const probed = await probeMedia(file);
  if (!probed.ok) return `ffprobe failed: ${probed.message}`;
  const { video, audio, durationSeconds } = probed.probe;
  if (!video || video.codec !== "h264") return `video stream missing or not h264 (${video?.codec})`;
  if (video.width !== plan.width || video.height !== plan.height)
    return `size ${video.width}x${video.height}`;
  if (!audio || audio.codec !== "aac" || audio.sampleRate !== 48000 || audio.channels !== 2)
    return `audio stream wrong: ${JSON.stringify(audio)}`;
  if (durationSeconds === null || Math.abs(durationSeconds - plan.totalSeconds) > DURATION_TOLERANCE_SECONDS)
    return `duration ${durationSeconds} vs ${plan.totalSeconds}`;
  return durationSeconds;
}

export async function renderEpisode(options: RenderEpisodeOptions): Promise<RenderEpisodeResult> {
  const {
    workDir,
    outputPath,
    coverPath,
    thumbnailPath,
    column,
    episode,
    clips,
    onProgress,
    signal,
    logger = silentLogger,
    encoder,
    now = Date.now,
  } = options;
  const planned = planRender({ column, episode, clips });
  if (!planned.ok) return planned;
  const plan = planned.plan;

  await mkdir(workDir, { recursive: true });
  const tempDir = await mkdtemp(path.join(workDir, "render-"));
  const token = randomBytes(6).toString("hex");
  const tempOutput = siblingTemp(outputPath, token);
  const tempCover = siblingTemp(coverPath, token);
  const tempThumb = siblingTemp(thumbnailPath, token);
  const cleanupOutputs = () =>
    Promise.all([tempOutput, tempCover, tempThumb].map((f) => rm(f, { force: true })));

  try {
    await writeFile(
      path.join(tempDir, "captions.ass"),
      buildAssScript(plan, {
        fontFamily: NOTO_SANS_SC_FAMILY,
        assSizePerEm: await assFontSizePerEm(notoSansScRegularPath),
      }),
      "utf8",
    );
    await prepareFontsDir(path.join(tempDir, "fonts"));
    const graph = buildFilterGraph(plan, { assFileName: "captions.ass", fontsDirName: "fonts" });

    const startedAt = now();
    logger.info(
      { totalSeconds: plan.totalSeconds, segments: plan.body.length, cues: plan.cues.length, outputPath },
      "render start",
    );
    const encoded = await runFfmpeg({
      invocation: {
        inputs: graph.inputs,
        complexFilter: graph.filterComplex,
        outputs: [buildOutput(tempOutput, plan, graph, encoder)],
        cwd: tempDir,
      },
      signal,
      logger,
      // fluent-ffmpeg's percent assumes a single input; our own clock is the planned length.
      onProgress: ({ outSeconds }) => {
        const fraction = Math.min(0.99, Math.max(0, outSeconds / plan.totalSeconds));
        const elapsed = (now() - startedAt) / 1000;
        onProgress?.({
          fraction,
          etaSeconds: fraction > 0.01 ? (elapsed * (1 - fraction)) / fraction : null,
        });
      },
    });
    if (!encoded.ok) {
      await cleanupOutputs();
      return encoded.code === "aborted"
        ? { ok: false, code: "aborted", message: MESSAGES.aborted }
        : { ok: false, code: "encode_failed", message: MESSAGES.encode_failed, detail: encoded.stderrTail };
    }

    const verified = await verifyOutput(tempOutput, plan);
    if (typeof verified === "string") {
      const problem = verified;
      logger.error({ problem, outputPath }, "render verification failed");
      await cleanupOutputs();
      return { ok: false, code: "verify_failed", message: MESSAGES.verify_failed, detail: problem };
    }

    const at = Math.min(
      Math.max(0, options.coverAtSecond ?? defaultCoverSecond(plan)),
      plan.totalSeconds - 0.1,
    );
    const covers = await runFfmpeg({
      invocation: {
        inputs: [{ source: tempOutput, options: ["-ss", at.toFixed(3)] }],
        outputs: [
          { target: tempCover, options: ["-map", "0:v", "-frames:v", "1", "-q:v", "2", "-f", "image2"] },
          {
            target: tempThumb,
            options: [
              "-map",
              "0:v",
              "-frames:v",
              "1",
              "-vf",
              `scale=${THUMBNAIL_WIDTH}:${THUMBNAIL_HEIGHT}`,
              "-q:v",
              "4",
              "-f",
              "image2",
            ],
          },
        ],
      },
      signal,
      logger,
    });
    if (!covers.ok) {
      await cleanupOutputs();
      return covers.code === "aborted"
        ? { ok: false, code: "aborted", message: MESSAGES.aborted }
        : { ok: false, code: "cover_failed", message: MESSAGES.cover_failed, detail: covers.stderrTail };
    }

    await rename(tempCover, coverPath);
    await rename(tempThumb, thumbnailPath);
    await rename(tempOutput, outputPath);
    const { size } = await stat(outputPath);
    onProgress?.({ fraction: 1, etaSeconds: 0 });
    logger.info({ outputPath, bytes: size, wallSeconds: (now() - startedAt) / 1000 }, "render done");
    return {
      ok: true,
      durationSeconds: verified,
      bytes: size,
      width: plan.width,
      height: plan.height,
      warnings: plan.warnings,
      plan,
    };
  } catch (error) {
    await cleanupOutputs();
    throw error;
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}
