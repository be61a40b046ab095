import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { serialId, timestampMs, timestamps } from "./shared-columns";
import { users } from "./auth";
import { slots } from "./calendar";
import { pieces } from "./pieces";

/** A platform export's column header and the metric it means (播放量 → plays). Users edit it. */
export const metricAliases = sqliteTable("metric_aliases", {
  id: serialId(),
  /** The header as it appears in exports, trimmed; unique. */
  alias: text("alias").notNull().unique(),
  /** plays | completion_rate | avg_watch_seconds | likes | comments | shares | saves | profile_visits | follower_gain | reads | url | platform_id | title | published_at */
  field: text("field").notNull(),
  ...timestamps(),
});

/** One uploaded CSV: previewed, then applied all at once, and undoable. */
export const metricImports = sqliteTable(
  "metric_imports",
  {
    id: serialId(),
    /** The channel key the export came from (douyin_main, kuaishou, xiaohongshu, wechat_channels…). */
    platform: text("platform").notNull(),
    fileName: text("file_name").notNull(),
    /** utf-8 | utf-8-bom | gb18030 */
    encoding: text("encoding").notNull(),
    /** The day the figures are as of (YYYY-MM-DD). */
    asOfDay: text("as_of_day").notNull(),
    rowCount: integer("row_count").notNull(),
    /** preview | applied | undone */
    status: text("status").notNull(),
    /** The decoded CSV text, kept while previewing so the apply step reads the same rows. */
    payload: text("payload"),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    appliedAt: timestampMs("applied_at"),
    undoneAt: timestampMs("undone_at"),
    undoneBy: integer("undone_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [index("metric_imports_status_idx").on(t.status, t.createdAt)],
);

/**
 * A platform's figures for one piece as of one day, from one import. Never added into first-party
 * events. The current figures of a piece on a platform are those of its latest applied import,
 * so undoing an import brings the previous ones back.
 */
export const platformMetrics = sqliteTable(
  "platform_metrics",
  {
    id: serialId(),
    importId: integer("import_id")
      .notNull()
      .references(() => metricImports.id),
    /** 1-based row of the CSV (after the header). */
    rowNumber: integer("row_number").notNull(),
    pieceId: integer("piece_id")
      .notNull()
      .references(() => pieces.id),
    slotId: integer("slot_id").references(() => slots.id),
    platform: text("platform").notNull(),
    asOfDay: text("as_of_day").notNull(),
    plays: integer("plays"),
    /** 0..1 */
    completionRate: real("completion_rate"),
    avgWatchSeconds: real("avg_watch_seconds"),
    likes: integer("likes"),
    comments: integer("comments"),
    shares: integer("shares"),
    saves: integer("saves"),
    profileVisits: integer("profile_visits"),
    followerGain: integer("follower_gain"),
    reads: integer("reads"),
  },
  (t) => [
    index("platform_metrics_piece_idx").on(t.pieceId, t.platform, t.importId),
    index("platform_metrics_import_idx").on(t.importId),
  ],
);
