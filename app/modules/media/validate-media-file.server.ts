import { open, stat } from "node:fs/promises";
import type { ErrorParams } from "~/lib/error-codes";
import { runFfmpeg, silentLogger, UPLOADED_FILE_INPUT_OPTIONS, type MediaLogger } from "./ffmpeg.server";
import { probeMedia, type MediaProbe } from "./probe-media.server";
import { byteLimitParams, formatByteLimit, MEDIA_MESSAGES, type MediaRejectionCode } from "./media-messages";
import {
  isAudioType,
  isImageType,
  isVideoType,
  sniffMediaType,
  SNIFF_BYTES,
  type SniffedMediaType,
} from "./sniff-media-type";

export type { MediaRejectionCode };

export type MediaValidation =
  | { ok: true; probe: MediaProbe; type: SniffedMediaType }
  | { ok: false; code: MediaRejectionCode; message: string; params?: ErrorParams };

/** Codecs our normalising graph is known to decode well with the bundled ffmpeg. */
export const SUPPORTED_VIDEO_CODECS = new Set([
  "h264",
  "hevc",
  "mpeg4",
  "vp8",
  "vp9",
  "av1",
  "prores",
  "mpeg2video",
  "mjpeg",
  "png",
]);

/** Ten minutes: raw footage for a 60-second column never needs more; longer means a wrong file. */
export const DEFAULT_MAX_DURATION_SECONDS = 600;

/** `detail` goes into the Chinese message; `params` into its translation (`errors.<code>`). */
function reject(code: MediaRejectionCode, detail?: string, params?: ErrorParams): MediaValidation {
  return { ok: false, code, message: MEDIA_MESSAGES[code](detail), ...(params ? { params } : {}) };
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface ValidateMediaFileOptions {
  path: string;
  maxBytes: number;
  maxDurationSeconds?: number;
  signal?: AbortSignal;
}

/**
 * Checks suitable for the upload request: stat, magic bytes, ffprobe, and for a still image a strict
 * decode (one frame, cheap). Only a file whose magic bytes say video or image is probed. A video
 * truncated in the middle can still pass these; `verifyFullDecode` catches it in the background job.
 */
export async function validateMediaFile({
  path,
  maxBytes,
  maxDurationSeconds = DEFAULT_MAX_DURATION_SECONDS,
  signal,
}: ValidateMediaFileOptions): Promise<MediaValidation> {
  const info = await stat(path);
  if (info.size === 0) return reject("empty_file");
  if (info.size > maxBytes) return reject("too_large", formatByteLimit(maxBytes), byteLimitParams(maxBytes));

  const type = sniffMediaType(await readHead(path));
  // MP3/WAV/AAC are known by their own magic; audio-only MP4s are found by the probe below.
  if (isAudioType(type)) return reject("audio_only");
  // Anything else unrecognised (text, playlists, archives) never reaches ffprobe.
  if (!isVideoType(type) && !isImageType(type)) return reject("not_media");

  const probed = await probeMedia(path, signal);
  if (!probed.ok) return reject("corrupt");
  const probe = probed.probe;
  if (!probe.video) return probe.hasAudio ? reject("audio_only") : reject("not_media");
  if (!SUPPORTED_VIDEO_CODECS.has(probe.video.codec))
    return reject("unknown_codec", probe.video.codec, { codec: probe.video.codec });
  if (
    probe.video.width < 16 ||
    probe.video.height < 16 ||
    probe.video.width > 8192 ||
    probe.video.height > 8192
  )
    return reject("bad_dimensions");
  if (probe.isStillImage) {
    // ffprobe reads only the header: a JPEG cut short passes it and renders as a green band.
    const decoded = await verifyFullDecode({ path, kind: "image", signal });
    if (!decoded.ok && decoded.code !== "aborted") return reject("incomplete_image");
  } else {
    const d = probe.durationSeconds;
    if (d === null || !Number.isFinite(d) || d <= 0.1)
      return d === null
        ? reject("bad_duration", "未知", { context: "unknown" })
        : reject("bad_duration", `${d.toFixed(1)} 秒`, { context: "seconds", seconds: d.toFixed(1) });
    if (d > maxDurationSeconds)
      return reject("bad_duration", `${Math.round(d)} 秒，上限 ${maxDurationSeconds} 秒`, {
        context: "overLimit",
        seconds: Math.round(d),
        max: maxDurationSeconds,
      });
  }
  return { ok: true, probe, type };
}

export type FullDecodeResult =
  | { ok: true }
  | { ok: false; code: "corrupt" | "incomplete_image" | "aborted"; message: string; detail: string };

/**
 * Decodes every frame strictly: `-err_detect explode` turns concealed decoder errors (a JPEG cut
 * short, which plain `-xerror` lets through with exit 0) into failures, `-xerror` stops at the first
 * one, and any line ffmpeg prints at `-v error` (a demuxer's read error, for one) fails the file too.
 * Slow for a video (as long as a decode of the whole file), so clips are checked in the background
 * job; a still image is one frame.
 */
export async function verifyFullDecode({
  path,
  kind = "video",
  signal,
  logger = silentLogger,
}: {
  path: string;
  /** Chooses the message: a damaged image is "图片不完整". */
  kind?: "video" | "image";
  signal?: AbortSignal;
  logger?: MediaLogger;
}): Promise<FullDecodeResult> {
  const result = await runFfmpeg({
    invocation: {
      inputs: [
        {
          source: path,
          options: ["-v", "error", ...UPLOADED_FILE_INPUT_OPTIONS, "-err_detect", "explode", "-xerror"],
        },
      ],
      outputs: [{ target: "-", options: ["-f", "null"] }],
    },
    signal,
    logger,
  });
  const code = kind === "image" ? "incomplete_image" : "corrupt";
  if (!result.ok) {
    if (result.code === "aborted") return { ok: false, code: "aborted", message: "已取消", detail: "" };
    return { ok: false, code, message: MEDIA_MESSAGES[code](), detail: result.stderrTail };
  }
  // At `-v error` anything printed is an error ffmpeg chose to conceal or step over.
  const errors = result.stderrTail.trim();
  if (errors) return { ok: false, code, message: MEDIA_MESSAGES[code](), detail: errors };
  return { ok: true };
}
