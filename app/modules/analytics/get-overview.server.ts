import { eq } from "drizzle-orm";
import { daysBetween } from "~/lib/dates";
import { schema, type DbOrTx } from "~/lib/db.server";
import { currentPlatformMetrics } from "../metrics-import/current-platform-metrics.server";
import { column, firstPartyColumns, type AnalyticsTable } from "./analytics-table";
import type { DayRange } from "./dashboard-range";
import { funnelOf, type FunnelStep } from "./funnel";
import { pieceTitles } from "./list-posts.server";
import { countLeads, leadsByDay, sumRollups, NO_FIGURES } from "./rollup-figures.server";
import { ratio, TARGETS } from "./targets";

export interface DailyPoint {
  day: string;
  views: number;
  visitors: number;
  plays: number;
  leads: number;
}

export interface Overview {
  range: DayRange;
  views: number;
  visitors: number;
  plays: number;
  completes: number;
  completionRate: number | null;
  leads: number;
  leadRate: number | null;
  /** The platforms' own plays (latest applied imports as of the range's end), beside, not added. */
  platformPlays: number;
  download: { visitors: number; leads: number; leadRate: number | null; target: number };
  funnel: FunnelStep[];
  daily: DailyPoint[];
  tables: AnalyticsTable[];
}

const TOP_PIECES = 20;

/** The department's figures for a range: totals, funnel, daily line, by kind, top pieces. */
export function getOverview(options: { db: DbOrTx; range: DayRange; timeZone: string }): Overview {
  const { db, range, timeZone } = options;
  const { from, to } = range;
  const byPiece = sumRollups({ db, from, to, by: "piece" });
  const leadsByPiece = countLeads({ db, from, to, timeZone, by: "piece" });
  const totals = { ...NO_FIGURES };
  for (const figures of byPiece.values())
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += figures[key];
  let leads = 0;
  for (const n of leadsByPiece.values()) leads += n;

  const pieceIds = [...new Set([...byPiece.keys(), ...leadsByPiece.keys()])] as number[];
  const titles = pieceTitles(db, pieceIds);

  // By kind, from the same per-piece sums (one scan of the range).
  const kinds = new Map<
    string,
    { views: number; visitors: number; plays: number; completes: number; leads: number }
  >();
  const kindOf = (id: number) => titles.get(id)?.kind ?? "episode";
  const kindEntry = (kind: string) => {
    let entry = kinds.get(kind);
    if (!entry) kinds.set(kind, (entry = { views: 0, visitors: 0, plays: 0, completes: 0, leads: 0 }));
    return entry;
  };
  for (const [id, f] of byPiece) {
    const entry = kindEntry(kindOf(id as number));
    entry.views += f.views;
    entry.visitors += f.visitors;
    entry.plays += f.plays;
    entry.completes += f.completes;
  }
  for (const [id, n] of leadsByPiece) kindEntry(kindOf(id as number)).leads += n;
  const ebook = kinds.get("ebook") ?? { visitors: 0, leads: 0 };

  let platformPlays = 0;
  for (const figures of currentPlatformMetrics({ db, to })) platformPlays += figures.plays ?? 0;

  const daily = sumRollups({ db, from, to, by: "day" });
  const dailyLeads = leadsByDay({ db, days: daysBetween(from, to), timeZone });
  const points = daysBetween(from, to).map((day) => {
    const f = daily.get(day) ?? NO_FIGURES;
    return { day, views: f.views, visitors: f.visitors, plays: f.plays, leads: dailyLeads.get(day) ?? 0 };
  });

  const top = [...byPiece.entries()]
    .sort((a, b) => b[1].views - a[1].views || (a[0] as number) - (b[0] as number))
    .slice(0, TOP_PIECES);
  return {
    range,
    views: totals.views,
    visitors: totals.visitors,
    plays: totals.plays,
    completes: totals.completes,
    completionRate: ratio(totals.completes, totals.plays),
    leads,
    leadRate: ratio(leads, totals.visitors),
    platformPlays,
    download: {
      visitors: ebook.visitors,
      leads: ebook.leads,
      leadRate: ratio(ebook.leads, ebook.visitors),
      target: TARGETS.downloadLeadRate,
    },
    funnel: funnelOf(platformPlays, totals, leads),
    daily: points,
    tables: [
      {
        id: "kinds",
        title: "analytics.tables.kinds",
        columns: [column("kind", "label"), ...firstPartyColumns()],
        rows: [...kinds.entries()]
          .sort((a, b) => b[1].views - a[1].views)
          .map(([kind, f]) => ({
            kind: `kinds.${kind}`,
            views: f.views,
            visitors: f.visitors,
            plays: f.plays,
            completionRate: ratio(f.completes, f.plays),
            leads: f.leads,
            leadRate: ratio(f.leads, f.visitors),
          })),
      },
      {
        id: "top-pieces",
        title: "analytics.tables.topPieces",
        columns: [
          {
            key: "title",
            label: "analytics.columns.piece",
            kind: "text",
            link: { prefix: "/analytics/pieces/", idKey: "pieceId" },
          },
          column("kind", "label"),
          ...firstPartyColumns(),
        ],
        rows: top.map(([id, f]) => {
          const pieceLeads = leadsByPiece.get(id) ?? 0;
          return {
            pieceId: id as number,
            title: titles.get(id as number)?.title ?? `#${id}`,
            kind: `kinds.${kindOf(id as number)}`,
            views: f.views,
            visitors: f.visitors,
            plays: f.plays,
            completionRate: ratio(f.completes, f.plays),
            leads: pieceLeads,
            leadRate: ratio(pieceLeads, f.visitors),
          };
        }),
      },
    ],
  };
}

/** Whether a piece exists (the dashboards answer 404 for an unknown one). */
export function pieceExists(db: DbOrTx, pieceId: number): boolean {
  return Boolean(
    db.select({ id: schema.pieces.id }).from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get(),
  );
}
