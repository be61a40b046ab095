/**
 * The gap computation and the backlog, shared by the calendar's read model and the gaps API, so
 * the page and `GET /api/v1/calendar/gaps` cannot disagree.
 */
import { and, asc, eq, notExists, sql, type SQL } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import type { BacklogPieceDto, CalendarFilters, ChannelDto, GapDto } from "./calendar-types";
import { querySlots, slotsBetween, type SlotRow } from "./calendar-rows.server";
import { countingSpan, findGaps, ruleCounts, suggestedTime, type CountedSlot } from "./cadence";

/** How many approved pieces the side list shows: a backlog longer than this is a report. */
export const BACKLOG_LIMIT = 200;

/** Every slot from `from` to `to`, as rows for gaps, the mix and the page. */
export function slotRowsBetween(db: Db, from: Date, to: Date): SlotRow[] {
  return querySlots(db, slotsBetween(from, to));
}

/** The span of slots to read so every rule period overlapping [from, to) is judged whole. */
export function gapSpan(channels: ChannelDto[], from: Date, to: Date, timeZone: string) {
  return countingSpan(
    channels.flatMap((c) => c.rules.map((r) => r.period)),
    from,
    to,
    timeZone,
  );
}

/**
 * Approved pieces with no slot on any channel, oldest approval first (what has waited longest),
 * with the page's column, campaign and owner filters.
 */
export function listBacklog(db: Db, filters: CalendarFilters = {}): BacklogPieceDto[] {
  const conditions: SQL[] = [
    eq(schema.pieces.status, "approved"),
    notExists(
      db
        .select({ one: sql`1` })
        .from(schema.slots)
        .where(eq(schema.slots.pieceId, schema.pieces.id)),
    ),
  ];
  if (filters.columnId) conditions.push(eq(schema.pieces.columnId, filters.columnId));
  if (filters.campaignId) conditions.push(eq(schema.pieces.campaignId, filters.campaignId));
  if (filters.ownerId) conditions.push(eq(schema.pieces.ownerId, filters.ownerId));
  return db
    .select({
      id: schema.pieces.id,
      title: schema.pieces.title,
      kind: schema.pieces.kind,
      status: schema.pieces.status,
      pieceMix: schema.pieces.mixCategory,
      columnMix: schema.columns.mixCategory,
      columnId: schema.pieces.columnId,
      campaignId: schema.pieces.campaignId,
      ownerId: schema.pieces.ownerId,
      ownerName: schema.users.name,
    })
    .from(schema.pieces)
    .leftJoin(schema.users, eq(schema.users.id, schema.pieces.ownerId))
    .leftJoin(schema.columns, eq(schema.columns.id, schema.pieces.columnId))
    .where(and(...conditions))
    .orderBy(asc(schema.pieces.updatedAt), asc(schema.pieces.id))
    .limit(BACKLOG_LIMIT)
    .all()
    .map(({ pieceMix, columnMix, ...piece }) => ({ ...piece, mixCategory: pieceMix ?? columnMix ?? null }));
}

/**
 * Each channel rule's gaps and excesses over [from, to), judged on `rows` (which must cover the
 * rules' whole periods), with backlog pieces offered for the gaps that can still be filled.
 */
export function computeGaps(options: {
  channels: ChannelDto[];
  rows: SlotRow[];
  backlog: BacklogPieceDto[];
  from: Date;
  to: Date;
  now: Date;
  timeZone: string;
  perGap: number;
}): GapDto[] {
  const { channels, backlog, now, timeZone } = options;
  const counted: CountedSlot[] = options.rows.map((r) => ({
    channelKey: r.channelKey,
    publishAt: r.publishAt,
    pieceKind: r.pieceKind,
    status: r.status,
  }));
  const byKey = new Map(channels.map((c) => [c.key, c]));
  const periods = findGaps({
    channels: channels.filter((c) => c.rules.length > 0),
    slots: counted,
    from: options.from,
    to: options.to,
    now,
    timeZone,
  });
  return periods.map((p) => {
    const channel = byKey.get(p.channelKey)!;
    const open = p.kind === "gap" && !p.past;
    const at = open ? suggestedTime(p, now, timeZone) : null;
    return {
      channelKey: p.channelKey,
      channelName: p.channelName,
      period: p.period,
      periodStart: p.start.toISOString(),
      periodEnd: p.end.toISOString(),
      rule: { ...p.rule, kinds: [...p.rule.kinds] },
      expected: p.expected,
      actual: p.actual,
      kind: p.kind === "excess" ? "excess" : "gap",
      past: p.past,
      suggestedAt: at ? at.toISOString() : null,
      suggestions:
        open && at
          ? backlog
              .filter(
                (piece) =>
                  channel.kinds.includes(piece.kind) &&
                  ruleCounts(p.rule, {
                    channelKey: channel.key,
                    publishAt: at,
                    pieceKind: piece.kind,
                    status: "planned",
                  }),
              )
              .slice(0, options.perGap)
          : [],
    };
  });
}
