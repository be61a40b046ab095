/**
 * The gap computation and the backlog, shared by the calendar's read model and the gaps API, so
 * the page and `GET /api/v1/calendar/gaps` cannot disagree.
 */
import { and, asc, eq, notExists, sql } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { schema, type Db } from "~/lib/db.server";
import type { BacklogPieceDto, CalendarFilters, ChannelDto, GapDto } from "./calendar-types";
import { querySlots, slotsBetween, type SlotRow } from "./calendar-rows.server";
import { prepared } from "./prepared.server";
import { countingSpan, findGaps, ruleCounts, steadyOffset, suggestedTime, type CountedSlot } from "./cadence";

/** What the calendar's read model and the gaps API both take: a range [from, to) in the studio's zone. */
export interface CalendarRangeOptions {
  db: Db;
  /** Opens the channels' webhook secrets for their hints. */
  dataKey: Buffer;
  now: Date;
  timeZone: string;
  /** The visible range [from, to). */
  from: Date;
  to: Date;
}

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
  const { pieces, slots, users, columns } = schema;
  // One statement for every filter: an unset filter is a null placeholder that matches all.
  const matches = (column: AnySQLiteColumn, name: string) =>
    sql`(${sql.placeholder(name)} is null or ${column} = ${sql.placeholder(name)})`;
  const statement = prepared(db, "backlog", () =>
    db
      .select({
        id: pieces.id,
        title: pieces.title,
        kind: pieces.kind,
        status: pieces.status,
        pieceMix: pieces.mixCategory,
        columnMix: columns.mixCategory,
        columnId: pieces.columnId,
        campaignId: pieces.campaignId,
        ownerId: pieces.ownerId,
        ownerName: users.name,
      })
      .from(pieces)
      .leftJoin(users, eq(users.id, pieces.ownerId))
      .leftJoin(columns, eq(columns.id, pieces.columnId))
      .where(
        and(
          eq(pieces.status, "approved"),
          notExists(
            db
              .select({ one: sql`1` })
              .from(slots)
              .where(eq(slots.pieceId, pieces.id)),
          ),
          matches(pieces.columnId, "columnId"),
          matches(pieces.campaignId, "campaignId"),
          matches(pieces.ownerId, "ownerId"),
        ),
      )
      .orderBy(asc(pieces.updatedAt), asc(pieces.id))
      .limit(BACKLOG_LIMIT)
      .prepare(),
  );
  return statement
    .all({
      columnId: filters.columnId ?? null,
      campaignId: filters.campaignId ?? null,
      ownerId: filters.ownerId ?? null,
    })
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
  const first = Math.min(...periods.map((p) => p.start.getTime()));
  const last = Math.max(...periods.map((p) => p.end.getTime()));
  const steady = periods.length > 0 && steadyOffset(new Date(first), new Date(last), timeZone);
  return periods.map((p) => {
    const channel = byKey.get(p.channelKey)!;
    const open = p.kind === "gap" && !p.past;
    const at = open ? suggestedTime(p, now, timeZone, steady) : null;
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
