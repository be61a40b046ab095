// Tables of the livestream capability.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { serialId, timestampMs, timestamps } from "./shared-columns";
import { users } from "./auth";
import { pieces } from "./pieces";

/**
 * One row per show; the piece (kind 'livestream') carries title, status and owner. The script's
 * fixed blocks live here, the products in `livestream_products`. The live state is stored as
 * JSON with its version so a restarted server picks the show up where it was.
 */
export const livestreamShows = sqliteTable("livestream_shows", {
  pieceId: integer("piece_id")
    .primaryKey()
    .references(() => pieces.id),
  scheduledAt: timestampMs("scheduled_at"),
  hostId: integer("host_id").references(() => users.id),
  producerId: integer("producer_id").references(() => users.id),
  plannedMinutes: integer("planned_minutes").notNull(),
  hostCharsPerMinute: integer("host_chars_per_minute").notNull(),
  openingText: text("opening_text").notNull().default(""),
  interactionText: text("interaction_text").notNull().default(""),
  ctaText: text("cta_text").notNull().default(""),
  ctaUrl: text("cta_url").notNull().default(""),
  closingText: text("closing_text").notNull().default(""),
  /** ShowState JSON; null until the first command. */
  stateJson: text("state_json"),
  stateVersion: integer("state_version").notNull().default(0),
  /** The run of show as it was at `start`: the state refers to blocks by index. */
  frozenBlocksJson: text("frozen_blocks_json"),
  startedAt: timestampMs("started_at"),
  endedAt: timestampMs("ended_at"),
  ...timestamps(),
});

export const livestreamProducts = sqliteTable(
  "livestream_products",
  {
    id: serialId(),
    showId: integer("show_id")
      .notNull()
      .references(() => livestreamShows.pieceId, { onDelete: "cascade" }),
    /** 0-based order in the script. */
    position: integer("position").notNull(),
    name: text("name").notNull(),
    painPoint: text("pain_point").notNull(),
    painSeconds: integer("pain_seconds").notNull(),
    sellingPoint: text("selling_point").notNull(),
    sellingSeconds: integer("selling_seconds").notNull(),
    perk: text("perk").notNull(),
    perkSeconds: integer("perk_seconds").notNull(),
  },
  (t) => [uniqueIndex("livestream_products_show_position_idx").on(t.showId, t.position)],
);

/** Every accepted command with the real server time it happened; the report is built from it. */
export const livestreamShowLog = sqliteTable(
  "livestream_show_log",
  {
    id: serialId(),
    showId: integer("show_id")
      .notNull()
      .references(() => livestreamShows.pieceId, { onDelete: "cascade" }),
    /** State version after the action: one row per version. */
    version: integer("version").notNull(),
    at: timestampMs("at").notNull(),
    actorId: integer("actor_id").references(() => users.id),
    actionType: text("action_type").notNull(),
    /** The ShowLogEntry as applyShowAction returned it. */
    entryJson: text("entry_json").notNull(),
  },
  (t) => [
    uniqueIndex("livestream_show_log_version_idx").on(t.showId, t.version),
    index("livestream_show_log_at_idx").on(t.showId, t.at),
  ],
);
