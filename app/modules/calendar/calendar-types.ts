/**
 * The calendar's shapes as pages, the API and the publishing side see them. Plain and
 * browser-safe: components import these, never the `.server` use cases. Instants are ISO strings
 * in UTC; the page shows them in the studio's zone.
 */
import type { ComplianceFlag } from "../compliance/review/review-types";

/** In the order a slot passes through them, then the ways it can go wrong (the legend's order). */
export const SLOT_STATUSES = [
  "planned",
  "queued",
  "publishing",
  "published",
  "failed",
  "missed",
  "unconfirmed",
] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];

/** Slots an editor may move to another time: not yet handed to a publisher, or needing a new try. */
export const MOVABLE_SLOT_STATUSES: readonly SlotStatus[] = ["planned", "failed", "missed"];
/** Slots whose caption may still change: nothing has been sent yet. */
export const EDITABLE_SLOT_STATUSES: readonly SlotStatus[] = ["planned", "failed", "missed"];
/** Slots that are, or will be, a post: what cadence rules and the content mix count. */
export const COUNTED_SLOT_STATUSES: readonly SlotStatus[] = [
  "planned",
  "queued",
  "publishing",
  "published",
  "unconfirmed",
];

/**
 * Piece statuses that may get (or move) a slot: approved, or already scheduled or published on
 * another channel — the first channel to publish must not freeze the others' slots.
 */
export const SCHEDULABLE_PIECE_STATUSES = ["approved", "scheduled", "published"] as const;

export const PUBLISHERS = ["manual", "webhook"] as const;
export type Publisher = (typeof PUBLISHERS)[number];

export const CADENCE_PERIODS = ["day", "week", "month"] as const;
export type CadencePeriod = (typeof CADENCE_PERIODS)[number];

export interface SlotDto {
  id: number;
  pieceId: number;
  pieceTitle: string;
  pieceKind: string;
  pieceStatus: string;
  pieceSlug: string;
  mixCategory: string | null;
  columnId: number | null;
  campaignId: number | null;
  ownerId: number;
  ownerName: string | null;
  channelId: number;
  channelKey: string;
  channelName: string;
  channelColor: string;
  /** ISO instant (UTC). */
  publishAt: string;
  caption: string;
  status: SlotStatus;
  heldReason: string | null;
  liveUrl: string | null;
  publishedAt: string | null;
  /** `/p/{slug}?src={channelKey}` on the public base URL: visits and leads count for the channel. */
  trackedLink: string;
  version: number;
  /** Compliance work left on the piece (its last check): a library change's new findings, or unresolved findings. */
  complianceFlag: ComplianceFlag | null;
}

export interface CadenceRuleDto {
  id: number;
  count: number;
  period: CadencePeriod;
  /** Piece kinds the rule counts; empty counts every kind. */
  kinds: string[];
  /** What the rule counts, for people ("视频", "图片"). */
  label: string | null;
  /** Preferred window in the studio's wall clock, "HH:mm"; both or neither. */
  windowStart: string | null;
  windowEnd: string | null;
}

export interface ChannelDto {
  id: number;
  key: string;
  name: string;
  color: string;
  /** Piece kinds the channel takes. */
  kinds: string[];
  /** Caption rules; null means no limit. */
  titleMax: number | null;
  captionMax: number | null;
  hashtagMax: number | null;
  publisher: Publisher;
  webhookUrl: string | null;
  /** The webhook secret is never shown whole: its last four characters, or null when none. */
  webhookSecretHint: string | null;
  operatorId: number | null;
  operatorName: string | null;
  graceMinutes: number;
  cadenceNote: string | null;
  rules: CadenceRuleDto[];
}

/** An approved piece that could fill a slot (the side list, and gap suggestions). */
export interface BacklogPieceDto {
  id: number;
  title: string;
  kind: string;
  status: string;
  mixCategory: string | null;
  columnId: number | null;
  campaignId: number | null;
  ownerId: number;
  ownerName: string | null;
}

export interface GapDto {
  channelKey: string;
  channelName: string;
  period: CadencePeriod;
  /** ISO instants: the period's first instant and the next period's first instant (exclusive). */
  periodStart: string;
  periodEnd: string;
  rule: CadenceRuleDto;
  expected: number;
  actual: number;
  kind: "gap" | "excess";
  /** True when the period is over: nothing can be planned into it any more. */
  past: boolean;
  /** Where a filling slot would go: the rule's window (or 10:00) on the period's first open day. */
  suggestedAt: string | null;
  /** Approved backlog pieces the channel takes and the rule counts; empty for an excess. */
  suggestions: BacklogPieceDto[];
}

export interface MixCategoryDto {
  category: string;
  /** Target share in percent (30, 40, 30). */
  target: number;
  /** Slots of short videos in this category this month. */
  actual: number;
  /** Actual share in percent, one decimal; 0 when the month has no short-video slots. */
  share: number;
  /** share − target, in percentage points. */
  offBy: number;
  /** More than the tolerance (5 points) off the target. */
  warning: boolean;
}

export interface MixDto {
  /** "YYYY-MM" in the studio's zone. */
  month: string;
  total: number;
  /** Short-video slots whose piece has no mix category: counted in `total`, not in a category. */
  uncategorised: number;
  categories: MixCategoryDto[];
}

export interface CampaignThemeDto {
  id: number;
  month: number;
  name: string;
  theme: string;
  target: string;
}

export interface CalendarFilters {
  channelKeys?: string[];
  columnId?: number;
  campaignId?: number;
  ownerId?: number;
}

export interface CalendarView {
  range: { from: string; to: string; timeZone: string };
  /** The month the range is mostly about ("YYYY-MM"): its mix and campaign are shown. */
  month: string;
  slots: SlotDto[];
  /** Approved pieces without any slot, for the side list to drag from (filters apply). */
  unscheduled: BacklogPieceDto[];
  gaps: GapDto[];
  mix: MixDto;
  campaign: CampaignThemeDto | null;
  channels: ChannelDto[];
}
