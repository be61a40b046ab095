import { and, eq, inArray, sql } from "drizzle-orm";
import { schema, type Tx } from "~/lib/db.server";
import type { Attribution } from "./attribution";
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

/**
 * Stores one page's events and adds them to the piece × day × source rollup, inside the caller's
 * transaction. An id already stored (a retried beacon) is skipped and not counted again. The
 * visitor counts once per rollup row; watch time adds only what this visitor's reported total grew
 * by, so the quartiles of one viewing are not summed.
 */
export function recordEvents(options: {
  tx: Tx;
  pieceId: number;
  attribution: Attribution;
  visitorHash: string;
  /** The studio-time-zone day of `now` (see eventDay). */
  day: string;
  events: readonly IncomingEvent[];
  now: Date;
}): { accepted: number; duplicates: number } {
  const { tx, pieceId, attribution, visitorHash, day, now } = options;
  const ids = options.events.map((event) => event.id);
  const stored = new Set(
    tx
      .select({ id: schema.trackingEvents.eventId })
      .from(schema.trackingEvents)
      .where(inArray(schema.trackingEvents.eventId, ids))
      .all()
      .map((row) => row.id),
  );
  const fresh: IncomingEvent[] = [];
  for (const event of options.events) {
    if (stored.has(event.id)) continue;
    stored.add(event.id);
    fresh.push(event);
  }
  const duplicates = options.events.length - fresh.length;
  if (fresh.length === 0) return { accepted: 0, duplicates };

  tx.insert(schema.trackingEvents)
    .values(
      fresh.map((event) => ({
        eventId: event.id,
        pieceId,
        type: event.type,
        source: attribution.source,
        utmSource: attribution.utmSource,
        utmMedium: attribution.utmMedium,
        utmCampaign: attribution.utmCampaign,
        visitorHash,
        day,
        watchSeconds: VIDEO_EVENT_TYPES.has(event.type) ? (event.watchSeconds ?? 0) : null,
        at: now,
      })),
    )
    .run();

  const counts = Object.fromEntries(COUNTERS.map((name) => [name, 0])) as Record<Counter, number>;
  let reportedWatch = 0;
  for (const event of fresh) {
    counts[COUNTER[event.type]] += 1;
    if (VIDEO_EVENT_TYPES.has(event.type)) reportedWatch = Math.max(reportedWatch, event.watchSeconds ?? 0);
  }

  const visitorKey = and(
    eq(schema.rollupVisitors.pieceId, pieceId),
    eq(schema.rollupVisitors.day, day),
    eq(schema.rollupVisitors.source, attribution.source),
    eq(schema.rollupVisitors.visitorHash, visitorHash),
  );
  const newVisitor =
    tx
      .insert(schema.rollupVisitors)
      .values({ pieceId, day, source: attribution.source, visitorHash, watchSeconds: 0 })
      .onConflictDoNothing()
      .run().changes > 0;
  let watchGrowth = 0;
  if (reportedWatch > 0) {
    const before =
      tx
        .select({ watch: schema.rollupVisitors.watchSeconds })
        .from(schema.rollupVisitors)
        .where(visitorKey)
        .get()?.watch ?? 0;
    if (reportedWatch > before) {
      watchGrowth = reportedWatch - before;
      tx.update(schema.rollupVisitors).set({ watchSeconds: reportedWatch }).where(visitorKey).run();
    }
  }

  const r = schema.eventRollups;
  const add = (column: (typeof r)[Counter] | typeof r.visitors | typeof r.watchSeconds) =>
    sql`${column} + excluded.${sql.identifier(column.name)}`;
  tx.insert(r)
    .values({
      pieceId,
      day,
      source: attribution.source,
      ...counts,
      visitors: newVisitor ? 1 : 0,
      watchSeconds: watchGrowth,
    })
    .onConflictDoUpdate({
      target: [r.pieceId, r.day, r.source],
      set: {
        ...Object.fromEntries(COUNTERS.map((name) => [name, add(r[name])])),
        visitors: add(r.visitors),
        watchSeconds: add(r.watchSeconds),
      },
    })
    .run();
  return { accepted: fresh.length, duplicates };
}
