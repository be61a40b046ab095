import { rm } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { canRenderEpisode, loadEpisode } from "./episode-access.server";
import { resolveStored } from "./media-store.server";

export interface DeleteRenderVersionOptions {
  db: Db;
  dataDir: string;
  actor: Actor;
  pieceId: number;
  renderId: number;
  now: Date;
}

/** Deletes one rendered version (video, cover, thumbnail); the others stay downloadable. */
export async function deleteRenderVersion(options: DeleteRenderVersionOptions): Promise<Result> {
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
