/**
 * Publishing's shapes as the calendar drawer, the home page and the API see them. Plain and
 * browser-safe: components import these, never the `.server` use cases. Instants are ISO strings
 * in UTC; screens show them in the studio's zone.
 */
import type { GapDto, Publisher, SlotStatus } from "../calendar/calendar-types";

export const ATTEMPT_OUTCOMES = [
  /** Committed before a webhook is sent; an attempt still `started` after a crash is unconfirmed. */
  "started",
  "published",
  /** A manual channel's slot became a task for its operator. */
  "handed_off",
  /** The receiver asked to be tried later (5xx) or could not be reached; the job tries again. */
  "retry",
  "failed",
  /** The request may have arrived but no answer came: never re-sent automatically. */
  "unconfirmed",
  /** A gate (changed after approval, compliance, sign-off) stopped it; the reason is in `detail`. */
  "held",
  "missed",
] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** Slots an editor may send again: the last answer never came, or the receiver refused. */
export const RESENDABLE_SLOT_STATUSES: readonly SlotStatus[] = ["unconfirmed", "failed"];
/** Slots someone may mark published with the live URL (an editor: all; the operator: tasks). */
export const MARKABLE_SLOT_STATUSES: readonly SlotStatus[] = ["queued", "unconfirmed", "failed", "missed"];
export const OPERATOR_MARKABLE_SLOT_STATUSES: readonly SlotStatus[] = ["queued", "missed"];

export interface SlotAttemptDto {
  id: number;
  slotId: number;
  jobId: number | null;
  publisher: Publisher;
  outcome: AttemptOutcome;
  /** The receiver's HTTP status; null when there was no answer (or no request). */
  httpStatus: number | null;
  /** The answer's start, the error, the gate's reason, or the live URL marked by hand. */
  detail: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** What the operator needs to post a slot by hand. */
export interface PublishBundleDto {
  /** The piece's latest render (video), build (PDF) or image; null when there is none yet. */
  media: { kind: "video" | "pdf" | "image"; url: string; downloadUrl: string; label: string } | null;
  cover: { url: string } | null;
  caption: string;
  /** Hashtags found in the caption (`#用车技巧`), in order, without duplicates. */
  hashtags: string[];
  /** The text the copy button copies: the caption and the tracked link. */
  copyText: string;
  /** `/p/{slug}?src={channelKey}` on the public base URL. */
  trackedLink: string;
}

export interface PublishingSlotDto {
  slotId: number;
  version: number;
  pieceId: number;
  pieceTitle: string;
  pieceKind: string;
  channelKey: string;
  channelName: string;
  channelColor: string;
  publisher: Publisher;
  operatorId: number | null;
  operatorName: string | null;
  status: SlotStatus;
  heldReason: string | null;
  publishAt: string;
  /** After this instant a task not done becomes missed. */
  dueBy: string;
  /** The last attempt's detail (the receiver's answer, the error), for missed/unconfirmed/failed. */
  lastDetail: string | null;
}

export interface PublishTaskDto extends PublishingSlotDto {
  bundle: PublishBundleDto;
}

/** The home page's publishing section: what this person must do today. */
export interface PublishingTodayDto {
  /** Manual hand-offs waiting for this person (the channel's operator; editors also see unassigned ones). */
  tasks: PublishTaskDto[];
  /** Missed, unconfirmed, failed and held slots this person should decide on. */
  attention: PublishingSlotDto[];
  /** This week's cadence gaps (editors), from the calendar. */
  gaps: GapDto[];
  canResend: boolean;
  canSeeGaps: boolean;
}

export interface MarkPublishedResultDto {
  slotId: number;
  status: SlotStatus;
  liveUrl: string;
  publishedAt: string;
  /** The piece moved to `published` with this slot (its first published slot). */
  piecePublished: boolean;
}

export interface ResendResultDto {
  slotId: number;
  status: SlotStatus;
  jobId: number;
}
