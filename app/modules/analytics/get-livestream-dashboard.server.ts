import { desc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { column, type AnalyticsTable } from "./analytics-table";
import { showLeadRates } from "./show-lead-rate.server";
import { TARGETS } from "./targets";

export interface ShowFigures {
  showId: number;
  title: string;
  status: string;
  scheduledAt: Date | null;
  visitors: number;
  leads: number;
  leadRate: number | null;
}

/** Every livestream with its lead rate against 6 %, newest first (whole life of each show). */
export function getLivestreamDashboard(options: { db: DbOrTx }): {
  shows: ShowFigures[];
  tables: AnalyticsTable[];
} {
  const { db } = options;
  const p = schema.pieces;
  const s = schema.livestreamShows;
  const rows = db
    .select({ id: p.id, title: p.title, status: p.status, scheduledAt: s.scheduledAt })
    .from(p)
    .leftJoin(s, eq(s.pieceId, p.id))
    .where(eq(p.kind, "livestream"))
    .orderBy(desc(s.scheduledAt), desc(p.id))
    .all();
  const rates = showLeadRates({ db, showIds: rows.map((row) => row.id) });
  const shows = rows.map((row) => {
    const figures = rates.get(row.id)!;
    return {
      showId: row.id,
      title: row.title,
      status: row.status,
      scheduledAt: row.scheduledAt,
      visitors: figures.visitors,
      leads: figures.leads,
      leadRate: figures.leadRate,
    };
  });
  return {
    shows,
    tables: [
      {
        id: "livestreams",
        title: "analytics.tables.livestreams",
        columns: [
          {
            key: "title",
            label: "analytics.columns.show",
            kind: "text",
            link: { prefix: "/analytics/pieces/", idKey: "showId" },
          },
          column("status", "label"),
          { key: "visitors", label: "analytics.columns.leadPageVisitors", kind: "number" },
          { key: "leads", label: "analytics.columns.liveLeads", kind: "number" },
          column("leadRate", "percent", TARGETS.liveLeadRate),
        ],
        rows: shows.map((show) => ({
          showId: show.showId,
          title: show.title,
          status: `statuses.${show.status}`,
          visitors: show.visitors,
          leads: show.leads,
          leadRate: show.leadRate,
        })),
      },
    ],
  };
}
