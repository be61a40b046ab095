import { and, asc, count, eq, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { column, type AnalyticsTable } from "./analytics-table";
import { leadsByMonth, sumRollups, NO_FIGURES } from "./rollup-figures.server";
import { leadTargetOf, ratio } from "./targets";

export interface CampaignFigures {
  campaignId: number;
  month: number;
  name: string;
  theme: string;
  /** The plan's target as written ("线索 1,200 条，订单 90 台"). */
  target: string;
  /** The lead figure of that target, when it names one. */
  leadTarget: number | null;
  pieces: number;
  published: number;
  /** First-party figures of the month (every piece): what the month's landing pages measured. */
  views: number;
  visitors: number;
  leads: number;
  leadRate: number | null;
  /** leads ÷ lead target. */
  leadProgress: number | null;
}

/**
 * Per campaign month of a year: its pieces, and the month's landing-page visitors and leads
 * against the plan's target. Only lead targets are measured here; orders, revenue and store
 * visits happen outside the studio, so those targets are shown as written.
 */
export function getCampaignDashboard(options: { db: DbOrTx; year: number; timeZone: string }): {
  year: number;
  campaigns: CampaignFigures[];
  tables: AnalyticsTable[];
} {
  const { db, year, timeZone } = options;
  const c = schema.campaigns;
  const p = schema.pieces;
  const campaigns = db.select().from(c).where(eq(c.year, year)).orderBy(asc(c.month)).all();
  const pieceCounts = new Map(
    db
      .select({
        campaignId: p.campaignId,
        pieces: count(),
        published: sql<number>`sum(case when ${p.status} = 'published' then 1 else 0 end)`,
      })
      .from(p)
      .innerJoin(c, and(eq(c.id, p.campaignId), eq(c.year, year)))
      .groupBy(p.campaignId)
      .all()
      .map((row) => [row.campaignId, row] as const),
  );
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const byMonth = sumRollups({ db, from, to, by: "month" });
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  const leadsOfMonth = leadsByMonth({ db, months, timeZone });

  const figures = campaigns.map((campaign) => {
    const key = `${year}-${String(campaign.month).padStart(2, "0")}`;
    const f = byMonth.get(key) ?? NO_FIGURES;
    const leads = leadsOfMonth.get(key) ?? 0;
    const leadTarget = leadTargetOf(campaign.target);
    const counts = pieceCounts.get(campaign.id);
    return {
      campaignId: campaign.id,
      month: campaign.month,
      name: campaign.name,
      theme: campaign.theme,
      target: campaign.target,
      leadTarget,
      pieces: counts?.pieces ?? 0,
      published: counts?.published ?? 0,
      views: f.views,
      visitors: f.visitors,
      leads,
      leadRate: ratio(leads, f.visitors),
      leadProgress: leadTarget === null ? null : leads / leadTarget,
    };
  });
  return {
    year,
    campaigns: figures,
    tables: [
      {
        id: "campaigns",
        title: "analytics.tables.campaigns",
        columns: [
          column("month", "number"),
          { key: "name", label: "analytics.columns.campaign", kind: "text" },
          { key: "target", label: "analytics.columns.planTarget", kind: "text" },
          column("pieces", "number"),
          { key: "published", label: "analytics.columns.publishedPieces", kind: "number" },
          column("views", "number"),
          column("visitors", "number"),
          column("leads", "number"),
          column("leadTarget", "number"),
          column("leadProgress", "percent", 1),
          column("leadRate", "percent"),
        ],
        rows: figures.map((f) => ({ ...f, theme: f.theme })),
      },
    ],
  };
}
