import { rm } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit, type AuditEntry } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { resolveStored } from "./media-store.server";

type MediaAsset = typeof schema.mediaAssets.$inferSelect;

export interface DeleteOwnedAssetOptions {
  db: Db;
  dataDir: string;
  actor: Actor;
  assetId: number;
  /** The column or episode the asset must belong to: another owner's asset is not found. */
  owner: { columnId: number } | { pieceId: number };
  /** What the audit entry says of the deleted asset. */
  audit: (asset: MediaAsset) => Pick<AuditEntry, "action" | "entity" | "entityId" | "before">;
  now: Date;
}

/**
 * Deletes an asset of a column or an episode, once the caller has checked the actor may: the row
 * and audit entry in one transaction, then the file.
 */
export async function deleteOwnedAsset(options: DeleteOwnedAssetOptions): Promise<Result> {
  const { db, actor, owner } = options;
  const ownedBy =
    "columnId" in owner
      ? eq(schema.mediaAssets.columnId, owner.columnId)
      : eq(schema.mediaAssets.pieceId, owner.pieceId);
  const asset = db
    .select()
    .from(schema.mediaAssets)
    .where(and(eq(schema.mediaAssets.id, options.assetId), ownedBy))
    .get();
  if (!asset) return fail(404, "not_found", "素材不存在。", { params: { context: "asset" } });
  db.transaction((tx) => {
    tx.delete(schema.mediaAssets).where(eq(schema.mediaAssets.id, asset.id)).run();
    recordAudit(tx, { actor: auditActor(actor), ...options.audit(asset), at: options.now });
  });
  await rm(resolveStored(options.dataDir, asset.relPath), { force: true });
  return { ok: true };
}
