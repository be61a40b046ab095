/** A column as pages and the API see it, with its episode progress: shared by the column use cases. */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";

export type ColumnRow = typeof schema.columns.$inferSelect;

export function toColumnDto(c: ColumnRow, published: number, total: number) {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    description: c.description,
    episodeTarget: c.episodeTarget,
    durationSeconds: c.durationSeconds,
    outroLine: c.outroLine,
    viewsTargetPerEpisode: c.viewsTargetPerEpisode,
    defaultChannelId: c.defaultChannelId,
    mixCategory: c.mixCategory,
    primaryColor: c.primaryColor,
    accentColor: c.accentColor,
    textColor: c.textColor,
    readingSpeedCps: c.readingSpeedCps,
    version: c.version,
    publishedEpisodes: published,
    totalEpisodes: total,
  };
}
export type ColumnDto = ReturnType<typeof toColumnDto>;

export function episodeCounts(db: Db, columnIds: number[]) {
  if (columnIds.length === 0) return new Map<number, { published: number; total: number }>();
  const rows = db
    .select({
      columnId: schema.pieces.columnId,
      total: count(),
      published: sql<number>`sum(case when ${schema.pieces.status} = 'published' then 1 else 0 end)`,
    })
    .from(schema.pieces)
    .where(
      and(
        eq(schema.pieces.kind, "episode"),
        inArray(schema.pieces.columnId, columnIds),
        sql`${schema.pieces.status} <> 'archived'`,
      ),
    )
    .groupBy(schema.pieces.columnId)
    .all();
  return new Map(rows.map((r) => [r.columnId ?? 0, { published: Number(r.published ?? 0), total: r.total }]));
}
