import { and, eq, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { prepared } from "../calendar/prepared.server";
import type { Attribution } from "./attribution";
import { directStatement } from "./direct-statement.server";
import { VIDEO_EVENT_TYPES, type EventType } from "./event-types";

export interface IncomingEvent {
  id: string;
  type: EventType;
  watchSeconds?: number;
}

type Counter =
  | "views"
  | "plays"
  | "progress25"
  | "progress50"
  | "progress75"
  | "completes"
  | "formStarts"
  | "leads"
  | "downloads";

const COUNTER: Record<EventType, Counter> = {
  page_view: "views",
  play: "plays",
  progress_25: "progress25",
  progress_50: "progress50",
  progress_75: "progress75",
  complete: "completes",
  form_start: "formStarts",
  lead: "leads",
  download: "downloads",
};

const COUNTERS = [...new Set(Object.values(COUNTER))];

const p = (name: string) => sql.placeholder(name);

/**
 * The five statements of a beacon, built and prepared once per database handle: building a
 * drizzle query and preparing its SQL cost several times more than running it, and a beacon runs
 * them on every request. They run straight on the handle's connection (directStatement), so
 * inside the transaction the writer opened on it (one connection, synchronous).
 */
function statements(db: DbOrTx) {
  return prepared(db, "tracking.recordEvents", () => {
    const r = schema.eventRollups;
    const v = schema.rollupVisitors;
    const visitorKey = and(
      eq(v.pieceId, p("pieceId")),
      eq(v.day, p("day")),
      eq(v.source, p("source")),
      eq(v.visitorHash, p("visitorHash")),
    );
    const add = (column: (typeof r)[Counter] | typeof r.visitors | typeof r.watchSeconds) =>
      sql`${column} + excluded.${sql.identifier(column.name)}`;
    return {
      insertEvent: directStatement(
        db,
        db
          .insert(schema.trackingEvents)
          .values({
            eventId: p("eventId"),
            pieceId: p("pieceId"),
            type: p("type"),
            source: p("source"),
            utmSource: p("utmSource"),
            utmMedium: p("utmMedium"),
            utmCampaign: p("utmCampaign"),
            visitorHash: p("visitorHash"),
            day: p("day"),
            watchSeconds: p("watchSeconds"),
            at: p("at"),
          })
          .onConflictDoNothing(),
      ),
      insertVisitor: directStatement(
        db,
        db
          .insert(v)
          .values({
            pieceId: p("pieceId"),
            day: p("day"),
            source: p("source"),
            visitorHash: p("visitorHash"),
            watchSeconds: 0,
          })
          .onConflictDoNothing(),
      ),
      visitorWatch: directStatement(db, db.select({ watch: v.watchSeconds }).from(v).where(visitorKey)),
      setVisitorWatch: directStatement(
        db,
        db
          .update(v)
          .set({ watchSeconds: sql`${p("watch")}` })
          .where(visitorKey),
      ),
      addToRollup: directStatement(
        db,
        db
          .insert(r)
          .values({
            pieceId: p("pieceId"),
            day: p("day"),
            source: p("source"),
            ...Object.fromEntries(COUNTERS.map((name) => [name, p(name)])),
            visitors: p("visitors"),
            watchSeconds: p("watchSeconds"),
          })
          .onConflictDoUpdate({
            target: [r.pieceId, r.day, r.source],
            set: {
              ...Object.fromEntries(COUNTERS.map((name) => [name, add(r[name])])),
              visitors: add(r.visitors),
              watchSeconds: add(r.watchSeconds),
            },
          }),
      ),
    };
  });
}

/**
 * Stores one page's events and adds them to the piece × day × source rollup, inside the caller's
 * transaction. An id already stored (a retried beacon) is skipped and not counted again. The
 * visitor counts once per rollup row; watch time adds only what this visitor's reported total grew
 * by, so the quartiles of one viewing are not summed.
 *
 * `db` is the handle the transaction `tx` was opened on: the statements are prepared on it once
 * and reused (the writer passes it). Without it they are prepared on `tx`, for this call only.
 */
export function recordEvents(options: {
  tx: DbOrTx;
  db?: DbOrTx;
  pieceId: number;
  attribution: Attribution;
  visitorHash: string;
  /** The studio-time-zone day of `now` (see eventDay). */
  day: string;
  events: readonly IncomingEvent[];
  now: Date;
}): { accepted: number; duplicates: number } {
  const { pieceId, attribution, visitorHash, day, now } = options;
  const q = statements(options.db ?? options.tx);
  const key = { pieceId, day, source: attribution.source, visitorHash };
  const counts = Object.fromEntries(COUNTERS.map((name) => [name, 0])) as Record<Counter, number>;
  let accepted = 0;
  let reportedWatch = 0;
  for (const event of options.events) {
    const video = VIDEO_EVENT_TYPES.has(event.type);
    // The unique event id decides: a row not written is a retry already stored (or a repeat
    // within this batch), and is not counted again.
    const written = q.insertEvent.run({
      ...key,
      eventId: event.id,
      type: event.type,
      utmSource: attribution.utmSource,
      utmMedium: attribution.utmMedium,
      utmCampaign: attribution.utmCampaign,
      watchSeconds: video ? (event.watchSeconds ?? 0) : null,
      at: now,
    });
    if (written.changes === 0) continue;
    accepted++;
    counts[COUNTER[event.type]] += 1;
    if (video) reportedWatch = Math.max(reportedWatch, event.watchSeconds ?? 0);
  }
  const duplicates = options.events.length - accepted;
  if (accepted === 0) return { accepted: 0, duplicates };

  const newVisitor = q.insertVisitor.run(key).changes > 0;
  let watchGrowth = 0;
  if (reportedWatch > 0) {
    const before = Number(q.visitorWatch.values(key)[0]?.[0] ?? 0);
    if (reportedWatch > before) {
      watchGrowth = reportedWatch - before;
      q.setVisitorWatch.run({ ...key, watch: reportedWatch });
    }
  }
  q.addToRollup.run({ ...key, ...counts, visitors: newVisitor ? 1 : 0, watchSeconds: watchGrowth });
  return { accepted, duplicates };
}
