import { rm } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { resolveStored } from "./media-store.server";

export interface DeleteColumnAssetOptions {
  db: Db;
  dataDir: string;
  actor: Actor;
  columnId: number;
  assetId: number;
  now: Date;
}

/** Deletes a column's brand asset: the row and audit entry in one transaction, then the file. */
export async function deleteColumnAsset(options: DeleteColumnAssetOptions): Promise<Result> {
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
