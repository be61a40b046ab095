import { asc, isNotNull } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { currentPlatformMetrics } from "../metrics-import/current-platform-metrics.server";
import { column, type AnalyticsTable } from "./analytics-table";
import type { DayRange } from "./dashboard-range";
import { countLeads, sumRollups, NO_FIGURES } from "./rollup-figures.server";
import { ratio, TARGETS } from "./targets";

export interface ColumnFigures {
  columnId: number;
  name: string;
  episodeTarget: number;
  published: number;
  /** The platforms' plays of the published episodes (each episode's platforms summed). Per
   * episode and the viral rate count only episodes with imported figures. */
  platformPlays: number;
  playsPerEpisode: number | null;
  playsTarget: number;
  viralEpisodes: number;
  viralRate: number | null;
  /** First-party: completes ÷ plays on the landing pages in the range. */
  completionRate: number | null;
  /** The platforms' completion, weighted by their plays; their figure, shown beside. */
  platformCompletionRate: number | null;
}

/**
 * Per column: episodes published against the column's target, the platforms' plays per episode
 * against 300,000, the viral rate (episodes with a post of ≥ 500,000 plays) against 20 %, and the
 * completion rate against 25 % — the studio's own (landing pages, in the range) and the
 * platforms' (their export) side by side. Platform figures are as of the range's end.
 */
export function getColumnDashboard(options: { db: DbOrTx; range: DayRange; timeZone: string }): {
  columns: ColumnFigures[];
  tables: AnalyticsTable[];
} {
  const { db, range, timeZone } = options;
  const p = schema.pieces;
  const columns = db.select().from(schema.columns).orderBy(asc(schema.columns.id)).all();
  const episodes = db
    .select({ id: p.id, title: p.title, status: p.status, columnId: p.columnId })
    .from(p)
    .where(isNotNull(p.columnId))
    // Grouped by column, each column's episodes in the order they were made.
    .orderBy(asc(p.columnId), asc(p.id))
    .all();
  const ids = episodes.map((e) => e.id);
  const inColumns = { pieceWhere: isNotNull(p.columnId) };
  const firstParty = sumRollups({ db, from: range.from, to: range.to, scope: inColumns, by: "piece" });
  const leads = countLeads({ db, from: range.from, to: range.to, timeZone, scope: inColumns, by: "piece" });
  const platform = new Map<number, { plays: number; weighted: number; weight: number; viral: boolean }>();
  for (const f of currentPlatformMetrics({ db, pieceIds: ids, to: range.to })) {
    const entry = platform.get(f.pieceId) ?? { plays: 0, weighted: 0, weight: 0, viral: false };
    entry.plays += f.plays ?? 0;
    if (f.completionRate !== null && f.plays) {
      entry.weighted += f.completionRate * f.plays;
      entry.weight += f.plays;
    }
    if ((f.plays ?? 0) >= TARGETS.viralPlays) entry.viral = true;
    platform.set(f.pieceId, entry);
  }

  const episodeRows = episodes.map((episode) => {
    const f = firstParty.get(episode.id) ?? NO_FIGURES;
    const pf = platform.get(episode.id);
    const pieceLeads = leads.get(episode.id) ?? 0;
    return {
      episode,
      f,
      pf,
      leads: pieceLeads,
    };
  });

  const figures: ColumnFigures[] = columns.map((column) => {
    const mine = episodeRows.filter((row) => row.episode.columnId === column.id);
    const published = mine.filter((row) => row.episode.status === "published");
    const platformPlays = published.reduce((sum, row) => sum + (row.pf?.plays ?? 0), 0);
    const plays = mine.reduce((sum, row) => sum + row.f.plays, 0);
    const completes = mine.reduce((sum, row) => sum + row.f.completes, 0);
    const weighted = published.reduce((sum, row) => sum + (row.pf?.weighted ?? 0), 0);
    const weight = published.reduce((sum, row) => sum + (row.pf?.weight ?? 0), 0);
    const viral = published.filter((row) => row.pf?.viral).length;
    // An episode the platforms' exports have no figures for is not judged (not counted as a flop).
    const measured = published.filter((row) => row.pf !== undefined).length;
    return {
      columnId: column.id,
      name: column.name,
      episodeTarget: column.episodeTarget,
      published: published.length,
      platformPlays,
      playsPerEpisode: measured > 0 ? Math.round(platformPlays / measured) : null,
      playsTarget: column.viewsTargetPerEpisode ?? TARGETS.playsPerEpisode,
      viralEpisodes: viral,
      viralRate: ratio(viral, measured),
      completionRate: ratio(completes, plays),
      platformCompletionRate: weight > 0 ? weighted / weight : null,
    };
  });

  const columnName = new Map(columns.map((c) => [c.id, c.name]));
  return {
    columns: figures,
    tables: [
      {
        id: "columns",
        title: "analytics.tables.columns",
        columns: [
          { key: "name", label: "analytics.columns.column", kind: "text" },
          column("published", "number"),
          column("episodeTarget", "number"),
          column("platformPlays", "number"),
          column("playsPerEpisode", "number", TARGETS.playsPerEpisode),
          column("viralEpisodes", "number"),
          column("viralRate", "percent", TARGETS.viralRate),
          column("completionRate", "percent", TARGETS.completionRate),
          column("platformCompletionRate", "percent", TARGETS.completionRate),
        ],
        rows: figures.map((f) => ({ ...f })),
      },
      {
        id: "episodes",
        title: "analytics.tables.episodes",
        columns: [
          {
            key: "title",
            label: "analytics.columns.piece",
            kind: "text",
            link: { prefix: "/analytics/pieces/", idKey: "pieceId" },
          },
          column("column", "text"),
          column("status", "label"),
          column("platformPlays", "number", TARGETS.playsPerEpisode),
          column("platformCompletionRate", "percent", TARGETS.completionRate),
          column("views", "number"),
          column("plays", "number"),
          column("completionRate", "percent", TARGETS.completionRate),
          column("leads", "number"),
        ],
        rows: episodeRows.map(({ episode, f, pf, leads: n }) => ({
          pieceId: episode.id,
          title: episode.title,
          column: columnName.get(episode.columnId ?? 0) ?? "",
          status: `statuses.${episode.status}`,
          platformPlays: pf ? pf.plays : null,
          platformCompletionRate: pf && pf.weight > 0 ? pf.weighted / pf.weight : null,
          views: f.views,
          plays: f.plays,
          completionRate: ratio(f.completes, f.plays),
          leads: n,
        })),
      },
    ],
  };
}
