import { and, count, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { endOfDay, parseWallClock } from "~/lib/dates";
import { fail, type Result } from "~/lib/result";
import {
  currentPlatformMetricsOfPiece,
  type CurrentPlatformFigures,
} from "../metrics-import/current-platform-metrics.server";

export interface SourceFigures {
  source: string;
  views: number;
  visitors: number;
  plays: number;
  completes: number;
  leads: number;
}

export interface PieceMetrics {
  pieceId: number;
  from: string | null;
  to: string | null;
  views: number;
  /** Unique visitors, summed over days and sources (a visitor is one per day and source). */
  visitors: number;
  plays: number;
  completes: number;
  /** completes ÷ plays; null without plays. */
  completionRate: number | null;
  avgWatchSeconds: number | null;
  /** From the leads table: one per person and piece, with consent. */
  leads: number;
  /** leads ÷ unique visitors; null without visitors. */
  leadRate: number | null;
  downloads: number;
  bySource: SourceFigures[];
  /** The platforms' own figures, beside the studio's, never added into them. */
  platform: CurrentPlatformFigures[];
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * A piece's first-party figures from the rollups (never the raw events) and its leads, for an
 * optional range of studio-time-zone days, with the platforms' current figures beside them.
 */
export function getPieceMetrics(options: {
  db: DbOrTx;
  pieceId: number;
  from?: string;
  to?: string;
  timeZone: string;
}): Result<{ metrics: PieceMetrics }> {
  const { db, pieceId, from, to, timeZone } = options;
  const piece = db
    .select({ id: schema.pieces.id })
    .from(schema.pieces)
    .where(eq(schema.pieces.id, pieceId))
    .get();
  if (!piece) return fail(404, "not_found", "内容不存在。", { params: { context: "piece" } });
  if (from && to && from > to)
    return fail(400, "invalid_query", "from: from > to", {
      field: "from",
      params: { field: "from", detail: "from > to" },
    });

  const r = schema.eventRollups;
  const rollupFilters: SQL[] = [eq(r.pieceId, pieceId)];
  if (from) rollupFilters.push(gte(r.day, from));
  if (to) rollupFilters.push(lte(r.day, to));
  const rows = db
    .select({
      source: r.source,
      views: sql<number>`sum(${r.views})`,
      visitors: sql<number>`sum(${r.visitors})`,
      plays: sql<number>`sum(${r.plays})`,
      completes: sql<number>`sum(${r.completes})`,
      downloads: sql<number>`sum(${r.downloads})`,
      watchSeconds: sql<number>`sum(${r.watchSeconds})`,
    })
    .from(r)
    .where(and(...rollupFilters))
    .groupBy(r.source)
    .all();

  const l = schema.leads;
  const leadFilters: SQL[] = [eq(l.pieceId, pieceId)];
  if (from) leadFilters.push(gte(l.createdAt, parseWallClock(from, timeZone)));
  if (to) leadFilters.push(lte(l.createdAt, endOfDay(parseWallClock(to, timeZone), timeZone)));
  const leadRows = db
    .select({ source: l.source, leads: count() })
    .from(l)
    .where(and(...leadFilters))
    .groupBy(l.source)
    .all();

  const bySource = new Map<string, SourceFigures>();
  const entry = (source: string) => {
    let found = bySource.get(source);
    if (!found) {
      found = { source, views: 0, visitors: 0, plays: 0, completes: 0, leads: 0 };
      bySource.set(source, found);
    }
    return found;
  };
  let watchSeconds = 0;
  let downloads = 0;
  for (const row of rows) {
    Object.assign(entry(row.source), {
      views: row.views,
      visitors: row.visitors,
      plays: row.plays,
      completes: row.completes,
    });
    watchSeconds += row.watchSeconds;
    downloads += row.downloads;
  }
  for (const row of leadRows) entry(row.source).leads = row.leads;

  const sources = [...bySource.values()].sort(
    (a, b) => b.views - a.views || a.source.localeCompare(b.source),
  );
  const total = (key: keyof Omit<SourceFigures, "source">) => sources.reduce((sum, s) => sum + s[key], 0);
  const plays = total("plays");
  const visitors = total("visitors");
  const leads = total("leads");
  return {
    ok: true,
    metrics: {
      pieceId,
      from: from ?? null,
      to: to ?? null,
      views: total("views"),
      visitors,
      plays,
      completes: total("completes"),
      completionRate: ratio(total("completes"), plays),
      avgWatchSeconds: plays > 0 ? Math.round((watchSeconds / plays) * 10) / 10 : null,
      leads,
      leadRate: ratio(leads, visitors),
      downloads,
      bySource: sources,
      platform: currentPlatformMetricsOfPiece({ db, pieceId, to }),
    },
  };
}
