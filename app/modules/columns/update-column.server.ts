import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import type { UpdateColumnInput } from "./schemas";

export interface UpdateColumnOptions {
  db: Db;
  actor: Actor;
  columnId: number;
  input: UpdateColumnInput;
  now: Date;
}

/** Saves a column's settings; a save naming an older version is refused and the other save stays. */
export function updateColumn(options: UpdateColumnOptions): Result<{ version: number }> {
  const { db, actor, input, now } = options;
  if (!can(actor.roles, "columns.manage"))
    return fail(403, "forbidden", "你的角色不能修改栏目。", { params: { context: "manageColumns" } });
  const before = db.select().from(schema.columns).where(eq(schema.columns.id, options.columnId)).get();
  if (!before) return fail(404, "not_found", "栏目不存在。", { params: { context: "column" } });
  if (before.version !== input.version)
    return fail(
      409,
      "stale",
      `栏目设置已被他人修改（你编辑的是第 ${input.version} 版，当前是第 ${before.version} 版），请刷新后再改。`,
      { params: { context: "column", yours: input.version, current: before.version } },
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
    if (changed !== 1)
      return fail(409, "stale", "栏目设置刚被他人修改，请刷新后再改。", {
        params: { context: "columnRace" },
      });
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
