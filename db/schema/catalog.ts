import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { serialId } from "./shared-columns";
import { users } from "./auth";

/** The twelve monthly campaigns of the year plan; each month's content belongs to one. */
export const campaigns = sqliteTable("campaigns", {
  id: serialId(),
  year: integer("year").notNull(),
  month: integer("month").notNull(),
  name: text("name").notNull(),
  theme: text("theme").notNull(),
  target: text("target").notNull(),
});

/**
 * Platforms the department publishes to. The key is stable (the API and tracked links use it);
 * cadence rules live in `cadence_rules`.
 */
export const channels = sqliteTable("channels", {
  id: serialId(),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  /** Expected posts per week; null when the plan sets no cadence (superseded by cadence_rules). */
  postsPerWeek: integer("posts_per_week"),
  cadenceNote: text("cadence_note"),
  /** JSON array of the piece kinds this channel takes. */
  kinds: text("kinds", { mode: "json" }).$type<string[]>().notNull().default([]),
  /** Caption rules: limits in characters and a hashtag count; null means no limit. */
  titleMax: integer("title_max"),
  captionMax: integer("caption_max"),
  hashtagMax: integer("hashtag_max"),
  /** manual (a hand-off task for the operator) | webhook (a signed JSON POST). */
  publisher: text("publisher").notNull().default("manual"),
  webhookUrl: text("webhook_url"),
  /** HMAC-SHA256 key of the webhook, hex; generated when the webhook is set. */
  webhookSecret: text("webhook_secret"),
  /** Who does the manual hand-off. */
  operatorId: integer("operator_id").references(() => users.id),
  /** How long after its time a slot may still be published before it counts as missed. */
  graceMinutes: integer("grace_minutes").notNull().default(120),
  /** Colour of the channel's slots on the calendar (CSS hex). */
  color: text("color").notNull().default("#228be6"),
});
