import { asc } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { column, firstPartyColumns, type AnalyticsTable } from "./analytics-table";
import type { DayRange } from "./dashboard-range";
import { listPosts } from "./list-posts.server";
import { countLeads, rangeInstants, sumRollups, NO_FIGURES } from "./rollup-figures.server";
import { ratio, TARGETS } from "./targets";

export interface ChannelFigures {
  channelId: number;
  key: string;
  name: string;
  posts: number;
  /** The platform's own plays of those posts (latest imports); null when none was imported. */
  platformPlays: number | null;
  viralPosts: number;
  /** Viral posts ÷ posts with imported figures. */
  viralRate: number | null;
  /** First-party: landing-page visits that came through the channel's tracked links (`?src=key`). */
  views: number;
  visitors: number;
  plays: number;
  completionRate: number | null;
  leads: number;
  leadRate: number | null;
}

/**
 * Per channel in a range: posts published there and the platform's plays of them (viral rate vs
 * 20 %), and beside them the visitors, plays and leads its tracked links brought to the landing
 * pages. The two sides are different counts from different counters and are never added.
 */
export function getChannelDashboard(options: { db: DbOrTx; range: DayRange; timeZone: string }): {
  channels: ChannelFigures[];
  tables: AnalyticsTable[];
} {
  const { db, range, timeZone } = options;
  const channels = db.select().from(schema.channels).orderBy(asc(schema.channels.id)).all();
  const { start, end } = rangeInstants(range.from, range.to, timeZone);
  const posts = listPosts({ db, start: start!, end: end!, asOfDay: range.to });
  const bySource = sumRollups({ db, from: range.from, to: range.to, by: "source" });
  const leads = countLeads({ db, from: range.from, to: range.to, timeZone, by: "source" });
  const figures = channels.map((channel) => {
    const mine = posts.filter((post) => post.channelId === channel.id);
    const f = bySource.get(channel.key) ?? NO_FIGURES;
    const n = leads.get(channel.key) ?? 0;
    const viral = mine.filter((post) => post.viral).length;
    // Only posts the platform's export has figures for can be judged viral or not.
    const measured = mine.filter((post) => post.platformPlays !== null);
    return {
      channelId: channel.id,
      key: channel.key,
      name: channel.name,
      posts: mine.length,
      platformPlays: measured.length
        ? measured.reduce((sum, post) => sum + (post.platformPlays ?? 0), 0)
        : null,
      viralPosts: viral,
      viralRate: ratio(viral, measured.length),
      views: f.views,
      visitors: f.visitors,
      plays: f.plays,
      completionRate: ratio(f.completes, f.plays),
      leads: n,
      leadRate: ratio(n, f.visitors),
    };
  });
  return {
    channels: figures,
    tables: [
      {
        id: "channels",
        title: "analytics.tables.channels",
        columns: [
          { key: "name", label: "analytics.columns.channel", kind: "text" },
          column("posts", "number"),
          column("platformPlays", "number"),
          column("viralPosts", "number"),
          column("viralRate", "percent", TARGETS.viralRate),
          ...firstPartyColumns(),
        ],
        rows: figures.map((f) => ({ ...f })),
      },
    ],
  };
}
