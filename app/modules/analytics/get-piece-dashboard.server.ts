import { eq } from "drizzle-orm";
import { daysBetween } from "~/lib/dates";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import { column, firstPartyColumns, type AnalyticsTable } from "./analytics-table";
import type { DayRange } from "./dashboard-range";
import { funnelOf, type FunnelStep } from "./funnel";
import type { DailyPoint } from "./get-overview.server";
import { getPieceMetrics, type PieceMetrics } from "./get-piece-metrics.server";
import { leadsByDay, sumRollups, NO_FIGURES } from "./rollup-figures.server";
import { showLeadRate, type ShowLeadFigures } from "./show-lead-rate.server";
import { ratio, TARGETS } from "./targets";

export interface PieceDashboard {
  piece: { id: number; title: string; kind: string; status: string; slug: string };
  range: DayRange;
  metrics: PieceMetrics;
  funnel: FunnelStep[];
  daily: (DailyPoint & { completes: number })[];
  /** The livestream's lead rate (live-{id} leads ÷ lead page visitors), for a livestream piece. */
  live: ShowLeadFigures | null;
  tables: AnalyticsTable[];
}

/**
 * One piece's dashboard for a range: the metrics API's figures (views by source, visitors,
 * plays, completion, watch time, leads, lead rate), a daily line, the funnel, and the platforms'
 * own figures beside them.
 */
export function getPieceDashboard(options: {
  db: DbOrTx;
  pieceId: number;
  range: DayRange;
  timeZone: string;
}): Result<{ dashboard: PieceDashboard }> {
  const { db, pieceId, range, timeZone } = options;
  const result = getPieceMetrics({ db, pieceId, from: range.from, to: range.to, timeZone });
  if (!result.ok) return result;
  const { metrics } = result;
  const piece = db
    .select({
      id: schema.pieces.id,
      title: schema.pieces.title,
      kind: schema.pieces.kind,
      status: schema.pieces.status,
      slug: schema.pieces.slug,
    })
    .from(schema.pieces)
    .where(eq(schema.pieces.id, pieceId))
    .get()!;
  const days = daysBetween(range.from, range.to);
  const byDay = sumRollups({ db, from: range.from, to: range.to, scope: { pieceIds: [pieceId] }, by: "day" });
  const leads = leadsByDay({ db, days, timeZone, scope: { pieceIds: [pieceId] } });
  const daily = days.map((day) => {
    const f = byDay.get(day) ?? NO_FIGURES;
    return {
      day,
      views: f.views,
      visitors: f.visitors,
      plays: f.plays,
      completes: f.completes,
      leads: leads.get(day) ?? 0,
    };
  });
  const platformPlays = metrics.platform.reduce((sum, f) => sum + (f.plays ?? 0), 0);
  return {
    ok: true,
    dashboard: {
      piece,
      range,
      metrics,
      funnel: funnelOf(platformPlays, { ...NO_FIGURES, ...metrics }, metrics.leads),
      daily,
      live: piece.kind === "livestream" ? showLeadRate({ db, showId: pieceId }) : null,
      tables: [
        {
          id: "sources",
          title: "analytics.tables.sources",
          columns: [column("source", "text"), ...firstPartyColumns({ completes: true })],
          rows: metrics.bySource.map((s) => ({
            ...s,
            completionRate: ratio(s.completes, s.plays),
            leadRate: ratio(s.leads, s.visitors),
          })),
        },
        {
          id: "platform",
          title: "analytics.tables.platform",
          columns: [
            column("platform", "text"),
            column("asOfDay", "text"),
            {
              key: "plays",
              label: "analytics.columns.platformPlays",
              kind: "number",
              target: TARGETS.playsPerEpisode,
            },
            {
              key: "completionRate",
              label: "analytics.columns.platformCompletionRate",
              kind: "percent",
              target: TARGETS.completionRate,
            },
            { key: "avgWatchSeconds", label: "analytics.columns.platformAvgWatch", kind: "seconds" },
            column("likes", "number"),
            column("comments", "number"),
            column("shares", "number"),
            column("saves", "number"),
            column("reads", "number"),
          ],
          rows: metrics.platform.map((f) => ({
            platform: f.platform,
            asOfDay: f.asOfDay,
            plays: f.plays,
            completionRate: f.completionRate,
            avgWatchSeconds: f.avgWatchSeconds,
            likes: f.likes,
            comments: f.comments,
            shares: f.shares,
            saves: f.saves,
            reads: f.reads,
          })),
        },
        {
          id: "daily",
          title: "analytics.tables.daily",
          columns: [
            column("day", "text"),
            column("views", "number"),
            column("visitors", "number"),
            column("plays", "number"),
            column("completes", "number"),
            column("leads", "number"),
          ],
          rows: daily.map((d) => ({ ...d })),
        },
      ],
    },
  };
}
