import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { mediaPaths } from "./media-store.server";

export interface CheckColumnUploadOptions {
  db: Db;
  actor: Actor;
  columnId: number;
}

/** Checked before the body is read, so a refused upload never touches the disk. */
export function checkColumnUpload(options: CheckColumnUploadOptions): Result<{ relDir: string }> {
  if (!can(options.actor.roles, "columns.manage"))
    return fail(403, "forbidden", "你的角色不能修改栏目。", { params: { context: "manageColumns" } });
  const column = options.db
    .select({ id: schema.columns.id })
    .from(schema.columns)
    .where(eq(schema.columns.id, options.columnId))
    .get();
  if (!column) return fail(404, "not_found", "栏目不存在。", { params: { context: "column" } });
  return { ok: true, relDir: mediaPaths.columnDir(column.id) };
}
