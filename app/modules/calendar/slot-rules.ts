/**
 * The rules a slot must keep, as pure checks: shared by the use cases (which refuse) and the
 * pages (which can warn while typing). A problem names its error code, the field it belongs to,
 * the values its message needs, and a Chinese message for logs and as the fallback text.
 */
import type { ErrorCode } from "~/lib/error-codes";
import { captionHashtags } from "../publishing/hashtags";

/** The longest caption any channel may allow (a hard cap for storage, not a channel rule). */
export const CAPTION_MAX = 5_000;

export interface SlotProblem {
  code: ErrorCode;
  field: string;
  message: string;
  params: Record<string, string | number>;
}

export interface CaptionRules {
  name: string;
  titleMax: number | null;
  captionMax: number | null;
  hashtagMax: number | null;
}

/** Characters as a reader counts them: one per Chinese character or emoji, not per UTF-16 unit. */
export function charCount(text: string): number {
  let n = 0;
  for (const _char of text) n++;
  return n;
}

/** A post's title is its caption's first line: the platforms that have titles show it there. */
export function captionTitle(caption: string): string {
  return caption.split("\n", 1)[0].trim();
}

/** The first rule of the channel the caption breaks, or null. */
export function checkCaption(caption: string, channel: CaptionRules): SlotProblem | null {
  const length = charCount(caption);
  if (channel.captionMax !== null && length > channel.captionMax)
    return {
      code: "caption_too_long",
      field: "caption",
      message: `文案 ${length} 字，超过「${channel.name}」的上限 ${channel.captionMax} 字。`,
      params: { length, limit: channel.captionMax, channel: channel.name },
    };
  const titleLength = charCount(captionTitle(caption));
  if (channel.titleMax !== null && titleLength > channel.titleMax)
    return {
      code: "title_too_long",
      field: "caption",
      message: `标题（文案第一行）${titleLength} 字，超过「${channel.name}」的上限 ${channel.titleMax} 字。`,
      params: { length: titleLength, limit: channel.titleMax, channel: channel.name },
    };
  // The same reading of hashtags as the hand-off bundle's, so the check and the bundle agree.
  const tags = captionHashtags(caption).length;
  if (channel.hashtagMax !== null && tags > channel.hashtagMax)
    return {
      code: "too_many_hashtags",
      field: "caption",
      message: `话题标签 ${tags} 个，超过「${channel.name}」的上限 ${channel.hashtagMax} 个。`,
      params: { count: tags, limit: channel.hashtagMax, channel: channel.name },
    };
  return null;
}

/**
 * A slot's time must lie ahead: publishing cannot be planned into the past. `shown` is the time
 * as the studio reads it, for the message.
 */
export function checkPublishTime(publishAt: Date, now: Date, shown: string): SlotProblem | null {
  if (publishAt.getTime() > now.getTime()) return null;
  return {
    code: "slot_in_past",
    field: "publishAt",
    message: `发布时间 ${shown} 已经过去，请选择将来的时间。`,
    params: { time: shown },
  };
}

/** The channel takes this kind of piece. */
export function checkKind(
  kind: string,
  channel: { name: string; kinds: readonly string[] },
): SlotProblem | null {
  if (channel.kinds.includes(kind)) return null;
  return {
    code: "kind_not_accepted",
    field: "channel",
    message: `「${channel.name}」不接受这类内容（${kind}）。`,
    params: { channel: channel.name, kind },
  };
}

/** Only http(s) addresses are sent to: no file:, javascript: or other schemes. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/** "HH:mm", 00:00–23:59. */
export function isWallTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}
