import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The counters the dashboards sum, as every day summary carries them. Each summary row is the sum
 * of the `event_rollups` rows it covers, kept so by triggers on `event_rollups` (migration
 * 0017): whatever adds to, rewrites or deletes a rollup row changes the summaries in the same
 * statement, so they are never behind (decision 0043).
 */
const summedCounters = () => ({
  views: integer("views").notNull().default(0),
  visitors: integer("visitors").notNull().default(0),
  plays: integer("plays").notNull().default(0),
  completes: integer("completes").notNull().default(0),
  downloads: integer("downloads").notNull().default(0),
  watchSeconds: integer("watch_seconds").notNull().default(0),
});

/**
 * Per studio-time-zone day × source, every piece together: the daily line, the channels and the
 * months read a few thousand of these instead of a range's rollups.
 */
export const eventDaySources = sqliteTable(
  "event_day_sources",
  {
    day: text("day").notNull(),
    source: text("source").notNull(),
    ...summedCounters(),
  },
  (t) => [primaryKey({ columns: [t.day, t.source] })],
);

/** Per piece × day, every source together: a range's figures per piece (the overview's tables). */
export const eventDayPieces = sqliteTable(
  "event_day_pieces",
  {
    pieceId: integer("piece_id").notNull(),
    day: text("day").notNull(),
    ...summedCounters(),
  },
  (t) => [primaryKey({ columns: [t.pieceId, t.day] })],
);
