/** User-facing (Chinese) messages for media rejections, shared by upload and validation. */
import type { ErrorParams } from "~/lib/error-codes";

export type MediaRejectionCode =
  | "empty_file"
  | "too_large"
  | "not_media"
  | "audio_only"
  | "unknown_codec"
  | "bad_duration"
  | "bad_dimensions"
  | "corrupt"
  | "incomplete_image";

const MB = 1024 * 1024;

export function formatByteLimit(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${bytes} 字节`;
}

/** The same limit as values of `errors.too_large_media` (MB) or `errors.too_large_mediaBytes`. */
export function byteLimitParams(bytes: number): ErrorParams {
  return bytes >= MB ? { context: "media", mb: Math.round(bytes / MB) } : { context: "mediaBytes", bytes };
}

export const MEDIA_MESSAGES: Record<MediaRejectionCode, (detail?: string) => string> = {
  empty_file: () => "文件是空的，请重新上传。",
  too_large: (limit) => `文件太大，单个素材不能超过 ${limit ?? "上限"}。`,
  not_media: () => "无法识别为视频或图片，请上传 MP4、MOV、MKV/WebM 视频或 JPG、PNG 图片。",
  audio_only: () => "该文件只有声音没有画面，请上传视频或图片。",
  unknown_codec: (codec) => `暂不支持该视频编码（${codec ?? "未知"}），请转成 H.264 的 MP4 后再上传。`,
  bad_duration: (detail) => `视频时长异常（${detail ?? "未知"}），请检查素材。`,
  bad_dimensions: () => "视频画面尺寸异常，请检查素材。",
  corrupt: () => "文件已损坏或不完整（可能上传中断），请重新导出后上传。",
  incomplete_image: () => "图片不完整（文件被截断或上传中断），请重新导出图片后上传。",
};
