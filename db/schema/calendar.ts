import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { requiredRef, serialId, timestampMs, timestamps } from "./shared-columns";
import { users } from "./auth";
import { channels } from "./catalog";
import { pieces } from "./pieces";

/**
 * A channel's posting cadence as data editors can change: `count` posts of the given piece kinds
 * (any kind when empty) per day, week or month, optionally inside a preferred time window.
 */
export const cadenceRules = sqliteTable(
  "cadence_rules",
  {
    id: serialId(),
    channelId: requiredRef("channel_id", () => channels.id),
    count: integer("count").notNull(),
    /** day | week | month, in the studio's time zone (weeks start on Monday). */
    period: text("period").notNull(),
    /** JSON array of piece kinds the rule counts; empty counts every kind. */
    kinds: text("kinds", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** What the rule counts, for people: "视频", "图片", "文章". */
    label: text("label"),
    /** Preferred window in the studio's wall clock, "HH:mm"; both or neither. */
    windowStart: text("window_start"),
    windowEnd: text("window_end"),
    ...timestamps(),
  },
  (t) => [index("cadence_rules_channel_idx").on(t.channelId)],
);

/**
 * One piece on one channel at one time, with its own caption and its own publishing status:
 * planned → queued → publishing → published, or failed, missed, unconfirmed.
 */
export const slots = sqliteTable(
  "slots",
  {
    id: serialId(),
    pieceId: requiredRef("piece_id", () => pieces.id),
    channelId: requiredRef("channel_id", () => channels.id),
    publishAt: timestampMs("publish_at").notNull(),
    caption: text("caption").notNull().default(""),
    status: text("status").notNull(),
    /** Why publishing holds the slot (a gate's reason), shown to the editor; null when not held. */
    heldReason: text("held_reason"),
    liveUrl: text("live_url"),
    publishedAt: timestampMs("published_at"),
    /** Sent to webhook receivers: one key per slot, so a receiver can refuse a duplicate. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    /** Incremented on every change; a change naming an older version is refused as stale. */
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index("slots_publish_at_idx").on(t.publishAt),
    index("slots_status_publish_at_idx").on(t.status, t.publishAt),
    index("slots_piece_idx").on(t.pieceId),
    index("slots_channel_publish_at_idx").on(t.channelId, t.publishAt),
  ],
);

/** Every publishing attempt of a slot, whatever its outcome, shown on the slot. */
export const publishAttempts = sqliteTable(
  "publish_attempts",
  {
    id: serialId(),
    slotId: requiredRef("slot_id", () => slots.id),
    jobId: integer("job_id"),
    /** manual | webhook */
    publisher: text("publisher").notNull(),
    /** started | published | handed_off | retry | failed | unconfirmed | held | missed */
    outcome: text("outcome").notNull(),
    httpStatus: integer("http_status"),
    detail: text("detail"),
    startedAt: timestampMs("started_at").notNull(),
    finishedAt: timestampMs("finished_at"),
  },
  (t) => [index("publish_attempts_slot_idx").on(t.slotId, t.startedAt)],
);

/** Secret, revocable ICS feed URLs, one per channel or per user; only the token's hash is kept. */
export const calendarFeeds = sqliteTable(
  "calendar_feeds",
  {
    id: serialId(),
    tokenHash: text("token_hash").notNull(),
    /** channel | user */
    scope: text("scope").notNull(),
    channelId: integer("channel_id").references(() => channels.id),
    userId: integer("user_id").references(() => users.id),
    createdBy: requiredRef("created_by", () => users.id),
    createdAt: timestampMs("created_at").notNull(),
    revokedAt: timestampMs("revoked_at"),
  },
  (t) => [uniqueIndex("calendar_feeds_token_idx").on(t.tokenHash)],
);
