import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { auditActor, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit.server";
import { refuseUnlessImporter } from "./import-access";

/** Deletes an alias: columns headed so are ignored from the next import on. */
export function deleteAlias(options: { db: Db; actor: Actor; now: Date; aliasId: number }): Result {
  const { db, actor, now, aliasId } = options;
  const refused = refuseUnlessImporter(actor);
  if (refused) return refused;
  return db.transaction((tx) => {
    const row = tx.select().from(schema.metricAliases).where(eq(schema.metricAliases.id, aliasId)).get();
    if (!row) return fail(404, "not_found", "未找到这个别名。", { params: { context: "alias" } });
    tx.delete(schema.metricAliases).where(eq(schema.metricAliases.id, aliasId)).run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "metric_alias.delete",
      entity: "metric_alias",
      entityId: aliasId,
      before: { alias: row.alias, field: row.field },
      at: now,
    });
    return { ok: true as const };
  });
}
