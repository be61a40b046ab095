import { ffprobePath, runBinary, UPLOADED_FILE_INPUT_OPTIONS } from "./ffmpeg.server";

export interface VideoStreamInfo {
  codec: string;
  width: number;
  height: number;
  /** Sample aspect ratio as a number (1 for square pixels); anamorphic sources differ. */
  sar: number;
  fps: number;
  pixFmt: string | null;
  /** Degrees from the rotate tag; width/height above are already swapped to display orientation. */
  rotation: number;
}

export interface AudioStreamInfo {
  codec: string;
  sampleRate: number;
  channels: number;
}

export interface MediaProbe {
  formatName: string;
  /** Container duration; null when the container does not know (single images). */
  durationSeconds: number | null;
  sizeBytes: number | null;
  video: VideoStreamInfo | null;
  audio: AudioStreamInfo | null;
  hasAudio: boolean;
  isStillImage: boolean;
  streamCount: number;
}

export type ProbeResult = { ok: true; probe: MediaProbe } | { ok: false; message: string };

interface RawStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  pix_fmt?: string;
  sample_rate?: string;
  channels?: number;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number }[];
}

interface RawProbe {
  streams?: RawStream[];
  format?: { format_name?: string; duration?: string; size?: string };
}

function ratio(value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  const [num, den] = value.split(/[:/]/).map(Number);
  if (!Number.isFinite(num) || !Number.isFinite(den) || num <= 0 || den <= 0) return fallback;
  return num / den;
}

const IMAGE_FORMATS = /(^|,)(image2|png_pipe|jpeg_pipe|mjpeg|webp_pipe|bmp_pipe)(,|$)/;

/** Pure: turns ffprobe's JSON into our shape. Exported for tests with hand-written JSON. */
export function parseProbeJson(raw: RawProbe): MediaProbe {
  const streams = raw.streams ?? [];
  // Cover art in audio files shows up as a video stream; it is not footage.
  const v = streams.find((s) => s.codec_type === "video" && !s.disposition?.attached_pic);
  const a = streams.find((s) => s.codec_type === "audio");
  const formatName = raw.format?.format_name ?? "";
  const duration = Number(raw.format?.duration);
  const size = Number(raw.format?.size);
  // ffmpeg auto-rotates phone footage on decode, so plan with the displayed orientation.
  const rotation = v
    ? Number(v.tags?.rotate ?? v.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? 0) || 0
    : 0;
  const quarterTurn = Math.abs(rotation) % 180 === 90;
  const isStillImage =
    Boolean(v) &&
    (IMAGE_FORMATS.test(formatName) ||
      ((v?.codec_name === "png" || v?.codec_name === "mjpeg") && !a && !Number.isFinite(duration)));
  return {
    formatName,
    durationSeconds: Number.isFinite(duration) && !isStillImage ? duration : null,
    sizeBytes: Number.isFinite(size) ? size : null,
    video: v
      ? {
          codec: v.codec_name ?? "unknown",
          width: (quarterTurn ? v.height : v.width) ?? 0,
          height: (quarterTurn ? v.width : v.height) ?? 0,
          sar: ratio(v.sample_aspect_ratio, 1),
          fps: ratio(v.avg_frame_rate, ratio(v.r_frame_rate, 0)),
          pixFmt: v.pix_fmt ?? null,
          rotation,
        }
      : null,
    audio: a
      ? {
          codec: a.codec_name ?? "unknown",
          sampleRate: Number(a.sample_rate) || 0,
          channels: a.channels ?? 0,
        }
      : null,
    hasAudio: Boolean(a),
    isStillImage,
    streamCount: streams.length,
  };
}

/**
 * ffprobe on a local file, reading it only as a media file: no other protocol (a playlist cannot
 * make it open URLs) and only the demuxers of `UPLOAD_DEMUXERS`. Callers probe uploads only after
 * `sniffMediaType` recognised them.
 */
export async function probeMedia(path: string, signal?: AbortSignal): Promise<ProbeResult> {
  const result = await runBinary(
    ffprobePath(),
    [
      "-v",
      "error",
      ...UPLOADED_FILE_INPUT_OPTIONS,
      "-print_format",
      "json",
      "-show_streams",
      "-show_format",
      path,
    ],
    signal,
  );
  if (result.code !== 0)
    return { ok: false, message: result.stderr.trim().slice(-1000) || `ffprobe exited with ${result.code}` };
  try {
    return { ok: true, probe: parseProbeJson(JSON.parse(result.stdout) as RawProbe) };
  } catch {
    return { ok: false, message: "ffprobe returned unreadable JSON" };
  }
}
