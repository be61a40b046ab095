import { rm } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { requireEditableEpisode } from "./episode-access.server";
import { resolveStored } from "./media-store.server";

export interface DeleteEpisodeClipOptions {
  db: Db;
  dataDir: string;
  actor: Actor;
  pieceId: number;
  assetId: number;
  now: Date;
}

/** Deletes a clip: the row and audit entry in one transaction, then the file. */
export async function deleteEpisodeClip(options: DeleteEpisodeClipOptions): Promise<Result> {
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
