import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { toMediaAssetDto } from "../media/get-episode.server";
import { insertPiece } from "../pieces/create-piece.server";
import type { UpdateColumnInput } from "./schemas";

export type ColumnRow = typeof schema.columns.$inferSelect;

function toColumnDto(c: ColumnRow, published: number, total: number) {
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

function episodeCounts(db: Db, columnIds: number[]) {
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

/** Every column with its progress toward the episode target (published / target). */
export function listColumns(options: { db: Db }): ColumnDto[] {
  const rows = options.db.select().from(schema.columns).orderBy(asc(schema.columns.id)).all();
  const counts = episodeCounts(
    options.db,
    rows.map((r) => r.id),
  );
  return rows.map((c) => toColumnDto(c, counts.get(c.id)?.published ?? 0, counts.get(c.id)?.total ?? 0));
}

/** A column page: settings, brand assets, its episodes with status and render state, channels. */
export function getColumn(options: { db: Db; columnId: number }) {
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

/** Saves a column's settings; a save naming an older version is refused and the other save stays. */
export function updateColumn(options: {
  db: Db;
  actor: Actor;
  columnId: number;
  input: UpdateColumnInput;
  now: Date;
}): Result<{ version: number }> {
  const { db, actor, input, now } = options;
  if (!can(actor.roles, "columns.manage")) return fail(403, "forbidden", "你的角色不能修改栏目。");
  const before = db.select().from(schema.columns).where(eq(schema.columns.id, options.columnId)).get();
  if (!before) return fail(404, "not_found", "栏目不存在。");
  if (before.version !== input.version)
    return fail(
      409,
      "stale",
      `栏目设置已被他人修改（你编辑的是第 ${input.version} 版，当前是第 ${before.version} 版），请刷新后再改。`,
    );
  if (
    input.defaultChannelId &&
    !db
      .select({ id: schema.channels.id })
      .from(schema.channels)
      .where(eq(schema.channels.id, input.defaultChannelId))
      .get()
  ) {
    return fail(400, "unknown_channel", "所选渠道不存在。", "defaultChannelId");
  }
  const { version: _v, ...fields } = input;
  const version = before.version + 1;
  return db.transaction((tx) => {
    const changed = tx
      .update(schema.columns)
      .set({
        ...fields,
        viewsTargetPerEpisode: fields.viewsTargetPerEpisode ?? null,
        defaultChannelId: fields.defaultChannelId ?? null,
        version,
      })
      .where(and(eq(schema.columns.id, before.id), eq(schema.columns.version, input.version)))
      .run().changes;
    if (changed !== 1) return fail(409, "stale", "栏目设置刚被他人修改，请刷新后再改。");
    const { version: beforeVersion, ...beforeFields } = before;
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "column.update",
      entity: "column",
      entityId: before.id,
      before: { ...beforeFields, version: beforeVersion },
      after: { ...fields, version },
      at: now,
    });
    return { ok: true as const, version };
  });
}

/** A new draft episode in the column, owned by the actor, with the column's mix category. */
export function createEpisode(options: {
  db: Db;
  actor: Actor;
  columnId: number;
  title: string;
  now: Date;
}): Result<{ pieceId: number }> {
  const { db, actor, now } = options;
  if (!can(actor.roles, "pieces.create")) return fail(403, "forbidden", "你的角色不能创建内容。");
  const column = db.select().from(schema.columns).where(eq(schema.columns.id, options.columnId)).get();
  if (!column) return fail(404, "not_found", "栏目不存在。");
  const mix = column.mixCategory as "车型讲解" | "用车技巧" | "车主故事";
  const pieceId = db.transaction((tx) =>
    insertPiece(tx, {
      actor,
      input: {
        kind: "episode",
        title: options.title,
        body: `结尾：${column.outroLine}`,
        columnId: column.id,
        mixCategory: mix,
      },
      now,
    }),
  );
  return { ok: true, pieceId };
}
