import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../../audit/record-audit.server";
import { auditActor, type Actor } from "../../auth/actor";
import { can } from "../../auth/permissions";

/** Removes a declared boilerplate line: it counts in the score again. `terms.manage`; audited. */
export function removeBoilerplateLine(options: {
  db: Db;
  actor: Actor;
  id: number;
  now: Date;
}): Result<{ id: number }> {
  const { db, actor, id, now } = options;
  if (!can(actor.roles, "terms.manage"))
    return fail(403, "forbidden", "你的角色不能修改原创度设置。", {
      params: { context: "manageOriginality" },
    });
  return db.transaction((tx) => {
    const line = tx.select().from(schema.boilerplateLines).where(eq(schema.boilerplateLines.id, id)).get();
    if (!line) return fail(404, "not_found", "这条固定文字不存在。", { params: { context: "boilerplate" } });
    tx.delete(schema.boilerplateLines).where(eq(schema.boilerplateLines.id, id)).run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "originality.boilerplate.remove",
      entity: "boilerplate_line",
      entityId: id,
      before: { text: line.text, columnId: line.columnId },
      at: now,
    });
    return { ok: true as const, id };
  });
}
