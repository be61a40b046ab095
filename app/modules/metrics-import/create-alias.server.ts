import { schema, type Db } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import { auditActor, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit.server";
import { aliasClash, aliasExists } from "./alias-clash.server";
import { refuseUnlessImporter } from "./import-access";
import type { MetricField } from "./metric-fields";
import { ensureDefaultAliases } from "./ensure-default-aliases.server";

/** Adds a column name for a figure; a name that reads as an existing one is refused. */
export function createAlias(options: {
  db: Db;
  actor: Actor;
  now: Date;
  input: { alias: string; field: MetricField };
}): Result<{ aliasId: number }> {
  const { db, actor, now, input } = options;
  const refused = refuseUnlessImporter(actor);
  if (refused) return refused;
  ensureDefaultAliases({ db, now });
  return db.transaction((tx) => {
    const other = aliasClash(tx, input.alias, null);
    if (other) return aliasExists(other.alias, other.field);
    const row = tx
      .insert(schema.metricAliases)
      .values({ alias: input.alias, field: input.field, createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "metric_alias.create",
      entity: "metric_alias",
      entityId: row.id,
      after: input,
      at: now,
    });
    return { ok: true as const, aliasId: row.id };
  });
}
