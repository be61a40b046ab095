import { rm } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { enqueueJob, toJobDto, type JobDto } from "../jobs/queue.server";
import { canRenderEpisode, loadEpisode, requireEditableEpisode } from "./episode-access.server";
import { listEpisodeClips, verifyJobKey } from "./get-episode.server";
import { resolveStored } from "./media-store.server";

/** Moves a clip one place up or down in the episode's playing order. */
export function moveEpisodeClip(options: {
  db: Db;
  actor: Actor;
  pieceId: number;
  assetId: number;
  direction: "up" | "down";
  now: Date;
}): Result {
  const { db, actor, now } = options;
  const loaded = requireEditableEpisode(db, options.pieceId, actor);
  if (!loaded.ok) return loaded;
  return db.transaction((tx) => {
    const clips = listEpisodeClips(tx, options.pieceId);
    const index = clips.findIndex((c) => c.id === options.assetId);
    if (index < 0) return fail(404, "not_found", "素材不存在。", { params: { context: "asset" } });
    const target = options.direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= clips.length) return { ok: true as const };
    const order = clips.map((c) => c.id);
    [order[index], order[target]] = [order[target], order[index]];
    order.forEach((id, position) =>
      tx.update(schema.mediaAssets).set({ position }).where(eq(schema.mediaAssets.id, id)).run(),
    );
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "episode.media.reorder",
      entity: "piece",
      entityId: options.pieceId,
      before: { order: clips.map((c) => c.id) },
      after: { order },
      at: now,
    });
    return { ok: true as const };
  });
}

/**
 * Runs a clip's background check again: after a damaged file was found (perhaps wrongly: ffmpeg
 * killed for memory looks the same), or after the check job failed or was cancelled. A check still
 * queued or running is returned instead of a second one.
 */
export function recheckEpisodeClip(options: {
  db: Db;
  actor: Actor;
  pieceId: number;
  assetId: number;
  now: Date;
}): Result<{ job: JobDto; created: boolean }> {
  const { db, actor, now } = options;
  const loaded = requireEditableEpisode(db, options.pieceId, actor);
  if (!loaded.ok) return loaded;
  return db.transaction((tx) => {
    const clip = listEpisodeClips(tx, options.pieceId).find((c) => c.id === options.assetId);
    if (!clip) return fail(404, "not_found", "素材不存在。", { params: { context: "asset" } });
    if (clip.verifyStatus === "verified")
      return fail(409, "already_verified", "这段素材已通过检测，不需要重新检测。");
    const current =
      clip.verifyJobId !== null
        ? tx.select().from(schema.jobs).where(eq(schema.jobs.id, clip.verifyJobId)).get()
        : undefined;
    if (current && (current.status === "queued" || current.status === "running"))
      return { ok: true as const, job: toJobDto(current), created: false };
    // The queue keeps a key for good: a new check gets a key of its own, named after the one it replaces.
    const { job, created } = enqueueJob(tx, {
      type: "media.verify",
      payload: { assetId: clip.id },
      idempotencyKey: verifyJobKey(clip.id, clip.verifyJobId),
      actor,
      now,
    });
    tx.update(schema.mediaAssets)
      .set({ verifyStatus: "pending", verifyError: null, verifyJobId: job.id })
      .where(eq(schema.mediaAssets.id, clip.id))
      .run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "episode.media.recheck",
      entity: "piece",
      entityId: options.pieceId,
      before: { assetId: clip.id, verifyStatus: clip.verifyStatus, jobId: clip.verifyJobId },
      after: { assetId: clip.id, verifyStatus: "pending", jobId: job.id },
      at: now,
    });
    return { ok: true as const, job: toJobDto(job), created };
  });
}

/** Deletes a clip: the row and audit entry in one transaction, then the file. */
export async function deleteEpisodeClip(options: {
  db: Db;
  dataDir: string;
  actor: Actor;
  pieceId: number;
  assetId: number;
  now: Date;
}): Promise<Result> {
  const { db, actor, now } = options;
  const loaded = requireEditableEpisode(db, options.pieceId, actor);
  if (!loaded.ok) return loaded;
  const asset = db
    .select()
    .from(schema.mediaAssets)
    .where(and(eq(schema.mediaAssets.id, options.assetId), eq(schema.mediaAssets.pieceId, options.pieceId)))
    .get();
  if (!asset) return fail(404, "not_found", "素材不存在。", { params: { context: "asset" } });
  db.transaction((tx) => {
    tx.delete(schema.mediaAssets).where(eq(schema.mediaAssets.id, asset.id)).run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "episode.media.delete",
      entity: "piece",
      entityId: options.pieceId,
      before: { assetId: asset.id, name: asset.originalName, bytes: asset.bytes },
      at: now,
    });
  });
  await rm(resolveStored(options.dataDir, asset.relPath), { force: true });
  return { ok: true };
}

export async function deleteColumnAsset(options: {
  db: Db;
  dataDir: string;
  actor: Actor;
  columnId: number;
  assetId: number;
  now: Date;
}): Promise<Result> {
  const { db, actor, now } = options;
  if (!can(actor.roles, "columns.manage"))
    return fail(403, "forbidden", "你的角色不能修改栏目。", { params: { context: "manageColumns" } });
  const asset = db
    .select()
    .from(schema.mediaAssets)
    .where(and(eq(schema.mediaAssets.id, options.assetId), eq(schema.mediaAssets.columnId, options.columnId)))
    .get();
  if (!asset) return fail(404, "not_found", "素材不存在。", { params: { context: "asset" } });
  db.transaction((tx) => {
    tx.delete(schema.mediaAssets).where(eq(schema.mediaAssets.id, asset.id)).run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "column.asset.delete",
      entity: "column",
      entityId: options.columnId,
      before: { assetId: asset.id, role: asset.role, name: asset.originalName },
      at: now,
    });
  });
  await rm(resolveStored(options.dataDir, asset.relPath), { force: true });
  return { ok: true };
}

/** Deletes one rendered version (video, cover, thumbnail); the others stay downloadable. */
export async function deleteRenderVersion(options: {
  db: Db;
  dataDir: string;
  actor: Actor;
  pieceId: number;
  renderId: number;
  now: Date;
}): Promise<Result> {
  const { db, actor, now } = options;
  const loaded = loadEpisode(db, options.pieceId);
  if (!loaded.ok) return loaded;
  if (!canRenderEpisode(loaded.piece, actor))
    return fail(403, "forbidden", "你不能删除这条短视频的成片。", { params: { context: "deleteRender" } });
  const render = db
    .select()
    .from(schema.episodeRenders)
    .where(
      and(eq(schema.episodeRenders.id, options.renderId), eq(schema.episodeRenders.pieceId, options.pieceId)),
    )
    .get();
  if (!render) return fail(404, "not_found", "成片版本不存在。", { params: { context: "render" } });
  db.transaction((tx) => {
    tx.delete(schema.episodeRenders).where(eq(schema.episodeRenders.id, render.id)).run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "episode.render.delete",
      entity: "piece",
      entityId: options.pieceId,
      before: { renderId: render.id, number: render.number, bytes: render.bytes, jobId: render.jobId },
      at: now,
    });
  });
  for (const rel of [render.videoPath, render.coverPath, render.thumbnailPath])
    await rm(resolveStored(options.dataDir, rel), { force: true });
  return { ok: true };
}
