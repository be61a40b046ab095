import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { serialId, timestampMs } from "./shared-columns";
import { pieces } from "./pieces";

/**
 * The random salt of one day (the studio's calendar day) for counting visitors without cookies:
 * visitor = hash(salt, ip, user agent, piece). A salt is created on the day's first event and
 * deleted 48 hours after its day began, so a hash can never again be tied to a person.
 */
export const visitorSalts = sqliteTable("visitor_salts", {
  /** YYYY-MM-DD in the studio's time zone. */
  day: text("day").primaryKey(),
  /** 32 random bytes, hex. */
  salt: text("salt").notNull(),
  createdAt: timestampMs("created_at").notNull(),
});

/**
 * First-party events from the landing pages, raw and queryable. `event_id` is made by the client,
 * so a retried beacon is stored once.
 */
export const trackingEvents = sqliteTable(
  "tracking_events",
  {
    id: serialId(),
    eventId: text("event_id").notNull().unique(),
    pieceId: integer("piece_id")
      .notNull()
      .references(() => pieces.id),
    /** page_view | play | progress_25 | progress_50 | progress_75 | complete | form_start | lead | download */
    type: text("type").notNull(),
    /** Attribution from `?src=` (a channel key, poster-{id}-{consultant}, ebook-{id}, live-{id}) or "direct". */
    source: text("source").notNull(),
    utmSource: text("utm_source"),
    utmMedium: text("utm_medium"),
    utmCampaign: text("utm_campaign"),
    /** Daily-salted visitor hash (hex); meaningless once the day's salt is deleted. */
    visitorHash: text("visitor_hash").notNull(),
    /** YYYY-MM-DD in the studio's time zone, the rollup's day. */
    day: text("day").notNull(),
    /** Seconds of video watched when the event was sent (play, progress, complete); null otherwise. */
    watchSeconds: integer("watch_seconds"),
    /** When the server received it (the client's clock is not trusted). */
    at: timestampMs("at").notNull(),
  },
  (t) => [
    index("tracking_events_piece_at_idx").on(t.pieceId, t.at),
    index("tracking_events_at_idx").on(t.at),
  ],
);

/** Per piece × day × source: what the dashboards read. Written in the same transaction as the events. */
export const eventRollups = sqliteTable(
  "event_rollups",
  {
    pieceId: integer("piece_id")
      .notNull()
      .references(() => pieces.id),
    day: text("day").notNull(),
    source: text("source").notNull(),
    views: integer("views").notNull().default(0),
    /** Unique visitors of this piece, day and source. */
    visitors: integer("visitors").notNull().default(0),
    plays: integer("plays").notNull().default(0),
    progress25: integer("progress_25").notNull().default(0),
    progress50: integer("progress_50").notNull().default(0),
    progress75: integer("progress_75").notNull().default(0),
    completes: integer("completes").notNull().default(0),
    formStarts: integer("form_starts").notNull().default(0),
    leads: integer("leads").notNull().default(0),
    downloads: integer("downloads").notNull().default(0),
    /** Seconds watched: each visitor's growth in reported watch time (see rollup_visitors). */
    watchSeconds: integer("watch_seconds").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.pieceId, t.day, t.source] }),
    // Covers what the dashboards sum over a day range, so a quarter of a year of rollups is read
    // from the index alone (decision 0037).
    index("event_rollups_day_cover_idx").on(
      t.day,
      t.pieceId,
      t.source,
      t.views,
      t.visitors,
      t.plays,
      t.completes,
      t.downloads,
      t.watchSeconds,
    ),
  ],
);

/**
 * Which visitor hashes a rollup row has already counted. Rows older than 48 hours are deleted
 * with the salts: no event can arrive for a day that has ended.
 */
export const rollupVisitors = sqliteTable(
  "rollup_visitors",
  {
    pieceId: integer("piece_id").notNull(),
    day: text("day").notNull(),
    source: text("source").notNull(),
    visitorHash: text("visitor_hash").notNull(),
    /**
     * The most watch time this visitor has reported today (events carry the page view's cumulative
     * seconds): the rollup adds only the growth, so each milestone of one viewing adds its step.
     */
    watchSeconds: integer("watch_seconds").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.pieceId, t.day, t.source, t.visitorHash] })],
);
