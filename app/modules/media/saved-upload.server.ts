/**
 * Helpers the upload use cases share (acceptEpisodeUpload, acceptColumnAsset): a streamed file
 * checked with ffprobe and named by what it really is, the refusal with its HTTP status, and the
 * original name kept for display.
 */
import type { Db } from "~/lib/db.server";
import type { ErrorParams } from "~/lib/error-codes";
import { fail, type Failure } from "~/lib/result";
import type { Actor } from "../auth/actor";
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

export interface AcceptUploadOptions {
  db: Db;
  dataDir: string;
  actor: Actor;
  saved: SaveUploadResult | null;
  originalName: string | null;
  maxBytes: number;
  now: Date;
}
