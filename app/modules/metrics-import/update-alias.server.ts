import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { auditActor, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit.server";
import { aliasClash, aliasExists } from "./alias-clash.server";
import { refuseUnlessImporter } from "./import-access";
import type { MetricField } from "./metric-fields";

/** Renames an alias or points it at another figure; the next import reads columns by it. */
export function updateAlias(options: {
  db: Db;
  actor: Actor;
  now: Date;
  aliasId: number;
  input: { alias: string; field: MetricField };
}): Result {
  const { db, actor, now, aliasId, input } = options;
  const refused = refuseUnlessImporter(actor);
  if (refused) return refused;
  return db.transaction((tx) => {
    const row = tx.select().from(schema.metricAliases).where(eq(schema.metricAliases.id, aliasId)).get();
    if (!row) return fail(404, "not_found", "未找到这个别名。", { params: { context: "alias" } });
    const other = aliasClash(tx, input.alias, aliasId);
    if (other) return aliasExists(other.alias, other.field);
    if (row.alias === input.alias && row.field === input.field) return { ok: true as const };
    tx.update(schema.metricAliases)
      .set({ alias: input.alias, field: input.field, updatedAt: now })
      .where(eq(schema.metricAliases.id, aliasId))
      .run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "metric_alias.update",
      entity: "metric_alias",
      entityId: aliasId,
      before: { alias: row.alias, field: row.field },
      after: input,
      at: now,
    });
    return { ok: true as const };
  });
}
