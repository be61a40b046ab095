import type { Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { deleteOwnedAsset } from "./delete-owned-asset.server";

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
  const { columnId, ...rest } = options;
  if (!can(options.actor.roles, "columns.manage"))
    return fail(403, "forbidden", "你的角色不能修改栏目。", { params: { context: "manageColumns" } });
  return deleteOwnedAsset({
    ...rest,
    owner: { columnId },
    audit: (asset) => ({
      action: "column.asset.delete",
      entity: "column",
      entityId: columnId,
      before: { assetId: asset.id, role: asset.role, name: asset.originalName },
    }),
  });
}
