import { and, desc, eq, isNotNull } from "drizzle-orm";
import { encodeCsvText } from "../app/lib/csv-bytes.server";
import { toCsv } from "../app/lib/csv";
import { DEFAULT_STUDIO_TIME_ZONE, formatInstant } from "../app/lib/dates";
import { schema } from "../app/lib/db.server";
import { importPlatformCsv } from "../app/modules/metrics-import/import-platform-csv.server";
import type { ManualChoice } from "../app/modules/metrics-import/match-rows.server";
import { douyinExportRows, UNPLANNED_VIDEO, type ExportVideo } from "./seed-content/metrics/douyin-export";
import type { DemoSeedOptions } from "./seed-options";

/**
 * The demo's platform figures: yesterday's 抖音主号 export (GBK, as Excel on a Chinese Windows
 * saves it) imported by the analyst through the studio's own import — read, matched by link and
 * by title, the unplanned video skipped, applied and audited — so the dashboards show platform
 * plays on the first start. Runs once (its own marker); does nothing without the demo's channel.
 */
export async function seedMetricsDemo(options: DemoSeedOptions & { timeZone?: string }): Promise<void> {
  const { db, now, users } = options;
  const tz = options.timeZone ?? (process.env.STUDIO_TIME_ZONE || DEFAULT_STUDIO_TIME_ZONE);
  const analyst = users.get("analyst@studio.local");
  const channel = db.select().from(schema.channels).where(eq(schema.channels.key, "douyin-main")).get();
  if (!analyst || !channel) return;
  const published = db
    .select({
      title: schema.pieces.title,
      liveUrl: schema.slots.liveUrl,
      publishedAt: schema.slots.publishedAt,
    })
    .from(schema.slots)
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.slots.pieceId))
    .where(
      and(
        eq(schema.slots.channelId, channel.id),
        isNotNull(schema.slots.liveUrl),
        isNotNull(schema.slots.publishedAt),
      ),
    )
    .orderBy(desc(schema.slots.publishedAt))
    .limit(40)
    .all();
  const videos: ExportVideo[] = published.map((p, i) => ({
    title: p.title,
    publishedAt: formatInstant(p.publishedAt!, tz, "YYYY-MM-DD HH:mm"),
    // Some rows of a real export come without a link; those are matched by title and day.
    url: i % 7 === 3 ? null : p.liveUrl,
  }));
  // The two published episodes of the columns, posted before the calendar had them: title only.
  for (const title of ["一分钟识车 第1集：SUV 的四驱到底怎么选", "深夜修车铺 第1集：凌晨两点的刹车异响"]) {
    const piece = db.select().from(schema.pieces).where(eq(schema.pieces.title, title)).get();
    if (piece?.publishedAt)
      videos.push({
        title,
        publishedAt: formatInstant(piece.publishedAt, tz, "YYYY-MM-DD HH:mm"),
        url: null,
      });
  }
  videos.push({ title: UNPLANNED_VIDEO, publishedAt: formatInstant(now, tz, "YYYY-MM-DD 12:00"), url: null });
  if (videos.length <= 1) return;

  const asOfDay = formatInstant(new Date(now.getTime() - 86_400_000), tz, "YYYY-MM-DD");
  const bytes = encodeCsvText(toCsv(douyinExportRows(videos, `${asOfDay} 23:59`)), "gbk");
  const request = {
    db,
    actor: analyst,
    now,
    timeZone: tz,
    bytes,
    fileName: `抖音作品数据_${asOfDay}.csv`,
    platform: "douyin-main",
    asOfDay,
  };
  const dry = importPlatformCsv({ ...request, manual: new Map(), dryRun: true });
  if (!dry.ok) throw new Error(`demo platform import: ${dry.message}`);
  // What an analyst does in the preview: leave out the rows that are no piece of the studio.
  const manual = new Map<number, ManualChoice>(
    dry.analysis.rows.filter((r) => r.blocking).map((r) => [r.row, "skip"]),
  );
  const done = importPlatformCsv({ ...request, manual, dryRun: false });
  if (!done.ok) throw new Error(`demo platform import: ${done.message}`);
}
