import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { toMediaAssetDto } from "../media/episode-rows.server";
import { episodeCounts, toColumnDto } from "./column-rows.server";

export interface GetColumnOptions {
  db: Db;
  columnId: number;
}

/** A column page: settings, brand assets, its episodes with status and render state, channels. */
export function getColumn(options: GetColumnOptions) {
  const { db, columnId } = options;
  const column = db.select().from(schema.columns).where(eq(schema.columns.id, columnId)).get();
  if (!column) return null;
  const counts = episodeCounts(db, [column.id]).get(column.id) ?? { published: 0, total: 0 };
  const episodes = db
    .select({
      id: schema.pieces.id,
      title: schema.pieces.title,
      status: schema.pieces.status,
      ownerName: schema.users.name,
      updatedAt: schema.pieces.updatedAt,
    })
    .from(schema.pieces)
    .leftJoin(schema.users, eq(schema.users.id, schema.pieces.ownerId))
    .where(and(eq(schema.pieces.kind, "episode"), eq(schema.pieces.columnId, columnId)))
    .orderBy(asc(schema.pieces.id))
    .all();
  const ids = episodes.map((e) => e.id);
  const versions = ids.length
    ? db
        .select({
          pieceId: schema.episodeRenders.pieceId,
          n: count(),
          latest: sql<number>`max(${schema.episodeRenders.id})`,
        })
        .from(schema.episodeRenders)
        .where(inArray(schema.episodeRenders.pieceId, ids))
        .groupBy(schema.episodeRenders.pieceId)
        .all()
    : [];
  const latestThumb = new Map(versions.map((v) => [v.pieceId, { count: v.n, renderId: Number(v.latest) }]));
  const jobs = ids.length
    ? db
        .select({
          key: schema.jobs.idempotencyKey,
          status: schema.jobs.status,
          progress: schema.jobs.progress,
          id: schema.jobs.id,
        })
        .from(schema.jobs)
        .where(
          and(
            eq(schema.jobs.type, "video.render"),
            inArray(schema.jobs.status, ["queued", "running", "failed"]),
          ),
        )
        .orderBy(desc(schema.jobs.id))
        .all()
    : [];
  const clipCounts = ids.length
    ? db
        .select({ pieceId: schema.mediaAssets.pieceId, n: count() })
        .from(schema.mediaAssets)
        .where(and(inArray(schema.mediaAssets.pieceId, ids), eq(schema.mediaAssets.role, "footage")))
        .groupBy(schema.mediaAssets.pieceId)
        .all()
    : [];
  const clipsBy = new Map(clipCounts.map((c) => [c.pieceId ?? 0, c.n]));
  const jobFor = (pieceId: number) => jobs.find((j) => j.key?.startsWith(`video.render:${pieceId}:`));
  const assets = db
    .select()
    .from(schema.mediaAssets)
    .where(eq(schema.mediaAssets.columnId, columnId))
    .all()
    .map(toMediaAssetDto);
  const channels = db
    .select({ id: schema.channels.id, name: schema.channels.name })
    .from(schema.channels)
    .orderBy(asc(schema.channels.id))
    .all();
  return {
    column: toColumnDto(column, counts.published, counts.total),
    episodes: episodes.map((e) => {
      const job = jobFor(e.id);
      const rendered = latestThumb.get(e.id);
      const renderState: "rendering" | "queued" | "failed" | "rendered" | "none" =
        job?.status === "running"
          ? "rendering"
          : job?.status === "queued"
            ? "queued"
            : rendered
              ? "rendered"
              : job?.status === "failed"
                ? "failed"
                : "none";
      return {
        id: e.id,
        title: e.title,
        status: e.status,
        ownerName: e.ownerName,
        updatedAt: e.updatedAt.toISOString(),
        clips: clipsBy.get(e.id) ?? 0,
        versions: rendered?.count ?? 0,
        thumbnailUrl: rendered ? `/renders/${rendered.renderId}/thumbnail` : null,
        renderState,
        renderProgress: job?.status === "running" ? job.progress : null,
      };
    }),
    assets,
    channels,
  };
}
