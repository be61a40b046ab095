import { and, count, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { endOfDay, formatInstant, monthDays, parseWallClock, type InstantLike } from "~/lib/dates";
import { schema, type DbOrTx } from "~/lib/db.server";

/** First-party figures summed from the rollups (what every dashboard reads; never raw events). */
export interface RollupFigures {
  views: number;
  visitors: number;
  plays: number;
  completes: number;
  downloads: number;
  watchSeconds: number;
}

export const NO_FIGURES: RollupFigures = {
  views: 0,
  visitors: 0,
  plays: 0,
  completes: 0,
  downloads: 0,
  watchSeconds: 0,
};

/** Which pieces a figure covers: every piece, a list, or the pieces matching a condition. */
export interface PieceScope {
  pieceIds?: readonly number[];
  /** A condition on `pieces` (kind, column, campaign, owner); joins the pieces table. */
  pieceWhere?: SQL;
}

export type RollupGroup = "piece" | "source" | "day" | "month" | "kind" | "none";

const r = schema.eventRollups;
const daySources = schema.eventDaySources;
const dayPieces = schema.eventDayPieces;
const QUARTER_HOUR_MS = 15 * 60_000;
const p = schema.pieces;

/**
 * The smallest table that holds a sum's figures. The day summaries are the rollups added up
 * (kept equal by triggers, decision 0043): day × source when no piece matters, piece × day when no
 * source does, and the rollups themselves only when both do.
 */
function tableFor(by: RollupGroup, scope: PieceScope, sources: readonly string[] | undefined) {
  const perPiece = by === "piece" || by === "kind" || Boolean(scope.pieceIds || scope.pieceWhere);
  const perSource = by === "source" || Boolean(sources);
  if (perPiece && perSource) return { table: r, pieceId: r.pieceId, source: r.source };
  if (perPiece) return { table: dayPieces, pieceId: dayPieces.pieceId, source: undefined };
  return { table: daySources, pieceId: undefined, source: daySources.source };
}

type Summed = ReturnType<typeof tableFor>;

function groupKey(by: RollupGroup, from: Summed): SQL<string | number> {
  switch (by) {
    case "piece":
      return sql<number>`${from.pieceId}`;
    case "source":
      return sql<string>`${from.source}`;
    case "day":
    case "month":
      return sql<string>`${from.table.day}`;
    case "kind":
      return sql<string>`${p.kind}`;
    case "none":
      return sql<string>`''`;
  }
}

/**
 * Sums the rollup rows of a day range (YYYY-MM-DD, inclusive, either end optional), grouped by
 * piece, source, day, month or piece kind. Read from the smallest table that holds the figures
 * (see tableFor): a quarter of a year is a few thousand day × source rows or some tens of
 * thousands of piece × day rows, not a hundred thousand rollups.
 */
export function sumRollups(options: {
  db: DbOrTx;
  from?: string;
  to?: string;
  scope?: PieceScope;
  sources?: readonly string[];
  by: RollupGroup;
}): Map<string | number, RollupFigures> {
  const { db, from, to, scope = {}, by } = options;
  const out = new Map<string | number, RollupFigures>();
  if (scope.pieceIds && scope.pieceIds.length === 0) return out;
  const summed = tableFor(by, scope, options.sources);
  const t = summed.table;
  const filters: SQL[] = [];
  if (from) filters.push(gte(t.day, from));
  if (to) filters.push(lte(t.day, to));
  if (scope.pieceIds && summed.pieceId) filters.push(inArray(summed.pieceId, [...scope.pieceIds]));
  if (options.sources && summed.source) filters.push(inArray(summed.source, [...options.sources]));
  if (scope.pieceWhere) filters.push(scope.pieceWhere);
  // A month is summed from its days: grouping by day follows the day order of the summary's key
  // (no sort and no substr per row), and a year has only 365 day rows to fold.
  const key = groupKey(by === "month" ? "day" : by, summed);
  const base = db
    .select({
      key,
      views: sql<number>`sum(${t.views})`,
      visitors: sql<number>`sum(${t.visitors})`,
      plays: sql<number>`sum(${t.plays})`,
      completes: sql<number>`sum(${t.completes})`,
      downloads: sql<number>`sum(${t.downloads})`,
      watchSeconds: sql<number>`sum(${t.watchSeconds})`,
    })
    .from(t);
  const joined =
    (scope.pieceWhere || by === "kind") && summed.pieceId
      ? base.innerJoin(p, eq(p.id, summed.pieceId))
      : base;
  const rows = joined
    .where(filters.length ? and(...filters) : undefined)
    .groupBy(key)
    .all();
  for (const { key: k, ...figures } of rows) {
    if (by !== "month") {
      out.set(k, figures);
      continue;
    }
    const month = String(k).slice(0, 7);
    const sum = out.get(month);
    if (!sum) out.set(month, figures);
    else for (const name of Object.keys(sum) as (keyof RollupFigures)[]) sum[name] += figures[name];
  }
  return out;
}

/** The one total of a range and scope. */
export function totalRollups(options: Omit<Parameters<typeof sumRollups>[0], "by">): RollupFigures {
  return sumRollups({ ...options, by: "none" }).get("") ?? { ...NO_FIGURES };
}

export type LeadGroup = "piece" | "source" | "none";

/** The instants a day range covers in the studio's zone (either end optional). */
export function rangeInstants(from: string | undefined, to: string | undefined, timeZone: string) {
  return {
    start: from ? parseWallClock(from, timeZone) : undefined,
    end: to ? endOfDay(parseWallClock(to, timeZone), timeZone) : undefined,
  };
}

/**
 * Leads from the leads table (one per person and piece, with consent; erased leads still count),
 * received in a day range, grouped by piece or source. Not the `lead` events: a forged beacon
 * cannot add to these.
 */
export function countLeads(options: {
  db: DbOrTx;
  from?: string;
  to?: string;
  timeZone: string;
  scope?: PieceScope;
  sources?: readonly string[];
  by: LeadGroup;
}): Map<string | number, number> {
  const { db, scope = {}, by } = options;
  const out = new Map<string | number, number>();
  if (scope.pieceIds && scope.pieceIds.length === 0) return out;
  const l = schema.leads;
  const { start, end } = rangeInstants(options.from, options.to, options.timeZone);
  const filters: SQL[] = [];
  if (start) filters.push(gte(l.createdAt, start));
  if (end) filters.push(lte(l.createdAt, end));
  if (scope.pieceIds) filters.push(inArray(l.pieceId, [...scope.pieceIds]));
  if (options.sources) filters.push(inArray(l.source, [...options.sources]));
  if (scope.pieceWhere) filters.push(scope.pieceWhere);
  const key =
    by === "piece" ? sql<number>`${l.pieceId}` : by === "source" ? sql<string>`${l.source}` : sql<string>`''`;
  const base = db.select({ key, n: count() }).from(l);
  const joined = scope.pieceWhere ? base.innerJoin(p, eq(p.id, l.pieceId)) : base;
  // Grouped by `+key`: the range is then read from leads_created_cover_idx alone and sorted,
  // instead of walking every lead in piece order through the (piece, phone) index and looking up
  // each one's time, which the planner otherwise prefers to avoid the sort (4× slower at a year).
  for (const row of joined
    .where(filters.length ? and(...filters) : undefined)
    .groupBy(sql`+${key}`)
    .all())
    out.set(row.key, row.n);
  return out;
}

/**
 * Leads per studio-time-zone day of a range (every day present, 0 when none).
 */
export function leadsByDay(options: {
  db: DbOrTx;
  days: readonly string[];
  timeZone: string;
  scope?: PieceScope;
}): Map<string, number> {
  return leadsByPeriod({ ...options, periods: options.days });
}

/** Leads per month (YYYY-MM, consecutive) in the studio's time zone, every month present. */
export function leadsByMonth(options: {
  db: DbOrTx;
  months: readonly string[];
  timeZone: string;
  scope?: PieceScope;
}): Map<string, number> {
  return leadsByPeriod({ ...options, periods: options.months });
}

/**
 * Leads counted into consecutive periods (days YYYY-MM-DD or months YYYY-MM): the boundaries are
 * computed once and the database buckets the rows (a CASE over the boundaries, grouped), so a
 * year of leads is never read row by row nor formatted per row.
 */
function leadsByPeriod(options: {
  db: DbOrTx;
  periods: readonly string[];
  timeZone: string;
  scope?: PieceScope;
}): Map<string, number> {
  const { db, periods, timeZone, scope = {} } = options;
  const out = new Map<string, number>(periods.map((period) => [period, 0]));
  if (periods.length === 0 || (scope.pieceIds && scope.pieceIds.length === 0)) return out;
  const startOf = (period: string) => parseWallClock(period.length === 7 ? `${period}-01` : period, timeZone);
  const starts = periods.map((period) => startOf(period).getTime());
  const last = periods[periods.length - 1]!;
  const end =
    last.length === 7
      ? endOfDay(parseWallClock(monthDays(last).to, timeZone), timeZone)
      : endOfDay(startOf(last), timeZone);
  const l = schema.leads;
  const filters: SQL[] = [gte(l.createdAt, new Date(starts[0]!)), lte(l.createdAt, end)];
  if (scope.pieceIds) filters.push(inArray(l.pieceId, [...scope.pieceIds]));
  if (scope.pieceWhere) filters.push(scope.pieceWhere);
  const base = (select: { bucket: SQL<number>; n: SQL<number> }) => {
    const query = db.select(select).from(l);
    return (scope.pieceWhere ? query.innerJoin(p, eq(p.id, l.pieceId)) : query).where(and(...filters));
  };
  if (starts.length === 1) {
    // One period (a one-day range): a CASE without a WHEN is not SQL, and nothing is to split.
    out.set(periods[0]!, base({ bucket: sql<number>`0`, n: count() }).get()?.n ?? 0);
    return out;
  }
  if (starts.length <= 24) {
    // Few periods (a year's months): the database puts each lead in its period.
    const bucket = sql<number>`case${sql.join(
      starts
        .slice(1)
        .map((start, i) => sql` when ${l.createdAt} < ${sql.raw(String(start))} then ${sql.raw(String(i))}`),
    )} else ${sql.raw(String(starts.length - 1))} end`;
    for (const row of base({ bucket, n: count() }).groupBy(bucket).all())
      out.set(periods[row.bucket]!, row.n);
    return out;
  }
  // Many periods (the days of a range): the database counts per quarter hour, and each quarter
  // hour falls in its day here. Every time zone's day starts on a quarter hour.
  const bucket = sql<number>`${l.createdAt} / ${sql.raw(String(QUARTER_HOUR_MS))}`;
  let period = 0;
  for (const row of base({ bucket, n: count() }).groupBy(bucket).orderBy(bucket).all()) {
    const at = row.bucket * QUARTER_HOUR_MS;
    while (period + 1 < starts.length && starts[period + 1]! <= at) period++;
    out.set(periods[period]!, (out.get(periods[period]!) ?? 0) + row.n);
  }
  return out;
}

/** The studio-time-zone day of an instant, as the rollups write it. */
export function dayOf(instant: InstantLike, timeZone: string): string {
  return formatInstant(instant, timeZone, "YYYY-MM-DD");
}
