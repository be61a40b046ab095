/**
 * Helpers the upload use cases share (acceptEpisodeUpload, acceptColumnAsset): a streamed file
 * checked with ffprobe and named by what it really is, the refusal with its HTTP status, and the
 * original name kept for display.
 */
import { randomBytes } from "node:crypto";
import { rename } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { schema, type Db, type Tx } from "~/lib/db.server";
import type { ErrorParams } from "~/lib/error-codes";
import { fail, type Failure } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { enqueueJob } from "../jobs/queue.server";
import { verifyJobKey } from "./episode-rows.server";
import { relativeToData } from "./media-store.server";
import type { MediaRejectionCode } from "./media-messages";
import { probeMedia } from "./probe-media.server";
import type { SaveUploadResult } from "./save-upload-stream.server";
import { validateMediaFile } from "./validate-media-file.server";

const ORIGINAL_NAME_MAX = 200;

/** Too big → 413, not something we can use → 415, a damaged or odd file → 422. */
const STATUS_BY_CODE: Record<
  MediaRejectionCode | "write_failed" | "aborted" | "missing_file",
  Failure["status"]
> = {
  too_large: 413,
  not_media: 415,
  audio_only: 415,
  unknown_codec: 415,
  empty_file: 422,
  corrupt: 422,
  incomplete_image: 422,
  bad_duration: 422,
  bad_dimensions: 422,
  write_failed: 400,
  aborted: 400,
  missing_file: 400,
};

export function refuse(code: keyof typeof STATUS_BY_CODE, message: string, params?: ErrorParams): Failure {
  return fail(STATUS_BY_CODE[code], code, message, { field: "file", params });
}

function extensionFor(formatName: string, isStill: boolean, codec: string | undefined): string {
  if (isStill) return codec === "png" ? ".png" : ".jpg";
  if (/matroska|webm/.test(formatName))
    return formatName.includes("webm") && !formatName.includes("matroska") ? ".webm" : ".mkv";
  if (/mov|mp4/.test(formatName)) return ".mp4";
  if (/mp3/.test(formatName)) return ".mp3";
  if (/wav/.test(formatName)) return ".wav";
  return ".bin";
}

export type Probed = {
  kind: "video" | "image" | "audio";
  ext: string;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  sar: number;
  hasAudio: boolean;
};

export async function inspectSaved(
  file: string,
  maxBytes: number,
  allowAudioOnly: boolean,
): Promise<{ ok: true; probed: Probed } | Failure> {
  const validated = await validateMediaFile({ path: file, maxBytes });
  if (validated.ok) {
    const p = validated.probe;
    return {
      ok: true,
      probed: {
        kind: p.isStillImage ? "image" : "video",
        ext: extensionFor(p.formatName, p.isStillImage, p.video?.codec),
        durationSeconds: p.durationSeconds,
        width: p.video?.width ?? null,
        height: p.video?.height ?? null,
        sar: p.video?.sar ?? 1,
        hasAudio: p.hasAudio,
      },
    };
  }
  if (validated.code === "audio_only" && allowAudioOnly) {
    const probed = await probeMedia(file);
    if (
      probed.ok &&
      probed.probe.hasAudio &&
      probed.probe.durationSeconds &&
      probed.probe.durationSeconds > 0.1
    ) {
      if (probed.probe.durationSeconds > 30)
        return refuse("bad_duration", "片尾音频不能超过 30 秒。", { context: "outroAudio" });
      const ext = extensionFor(probed.probe.formatName, false, undefined);
      return {
        ok: true,
        probed: {
          kind: "audio",
          ext: ext === ".mp4" ? ".m4a" : ext,
          durationSeconds: probed.probe.durationSeconds,
          width: null,
          height: null,
          sar: 1,
          hasAudio: true,
        },
      };
    }
    return refuse("corrupt", "音频文件无法读取，请重新导出后上传。", { context: "audio" });
  }
  return refuse(validated.code, validated.message, validated.params);
}

export function cleanOriginalName(name: string | null | undefined): string {
  // Only shown back to people; never used to build a path.
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f]/g, "").slice(0, ORIGINAL_NAME_MAX) || "未命名素材";
}

/** Moves a checked file beside where it streamed in, named `<prefix>-<random><ext>`; returns its path. */
export async function keepSaved(savedPath: string, prefix: string, ext: string): Promise<string> {
  const finalPath = path.join(path.dirname(savedPath), `${prefix}-${randomBytes(8).toString("hex")}${ext}`);
  await rename(savedPath, finalPath);
  return finalPath;
}

/** The columns of a kept upload's row that say what it is, where it lies and who brought it. */
export function keptAssetValues(
  options: Pick<AcceptUploadOptions, "dataDir" | "originalName" | "actor" | "now">,
  kept: { probed: Probed; finalPath: string; bytes: number },
) {
  const { probed } = kept;
  return {
    kind: probed.kind,
    originalName: cleanOriginalName(options.originalName),
    relPath: relativeToData(options.dataDir, kept.finalPath),
    bytes: kept.bytes,
    durationSeconds: probed.durationSeconds,
    width: probed.width,
    height: probed.height,
    sar: probed.sar,
    hasAudio: probed.hasAudio,
    uploadedBy: options.actor.id,
    createdAt: options.now,
  };
}

/** Queues the full-decode check of a new asset and links the job to its row (returned updated). */
export function enqueueVerify(tx: Tx, options: { assetId: number; actor: Actor; now: Date }) {
  const { assetId, actor, now } = options;
  const { job } = enqueueJob(tx, {
    type: "media.verify",
    payload: { assetId },
    idempotencyKey: verifyJobKey(assetId, null),
    actor,
    now,
  });
  const asset = tx
    .update(schema.mediaAssets)
    .set({ verifyJobId: job.id })
    .where(eq(schema.mediaAssets.id, assetId))
    .returning()
    .get();
  return { job, asset };
}

export interface AcceptUploadOptions {
  db: Db;
  dataDir: string;
  actor: Actor;
  saved: SaveUploadResult | null;
  originalName: string | null;
  maxBytes: number;
  now: Date;
}
