import { asc, eq } from "drizzle-orm";
import { schema, type Db, type DbOrTx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { auditActor, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit.server";
import { refuseUnlessImporter } from "./import-access";
import { DEFAULT_ALIASES, type MetricField } from "./metric-fields";
import { aliasKey } from "./read-export";

const DEFAULTS_KEY = "metric_aliases:defaults";

export interface AliasDto {
  id: number;
  alias: string;
  field: MetricField;
  updatedAt: string;
}

/**
 * Writes the default aliases once (the app_meta marker), so a studio started without the demo
 * data has them too, and aliases users delete later stay deleted.
 */
export function ensureDefaultAliases(options: { db: DbOrTx; now: Date }): void {
  const { db, now } = options;
  if (db.select().from(schema.appMeta).where(eq(schema.appMeta.key, DEFAULTS_KEY)).get()) return;
  db.transaction((tx) => {
    if (tx.select().from(schema.appMeta).where(eq(schema.appMeta.key, DEFAULTS_KEY)).get()) return;
    for (const [alias, field] of DEFAULT_ALIASES)
      tx.insert(schema.metricAliases)
        .values({ alias, field, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .run();
    tx.insert(schema.appMeta).values({ key: DEFAULTS_KEY, value: "1", updatedAt: now }).run();
    recordAudit(tx, {
      actor: { id: null, label: "system" },
      action: "metric_alias.seed_defaults",
      entity: "metric_alias",
      after: { count: DEFAULT_ALIASES.length },
      at: now,
    });
  });
}

export function listAliases(options: { db: Db; now: Date }): AliasDto[] {
  ensureDefaultAliases(options);
  return options.db
    .select()
    .from(schema.metricAliases)
    .orderBy(asc(schema.metricAliases.field), asc(schema.metricAliases.alias))
    .all()
    .map((row) => ({
      id: row.id,
      alias: row.alias,
      field: row.field as MetricField,
      updatedAt: row.updatedAt.toISOString(),
    }));
}

/** The alias table as the reader compares headers (aliasKey → field). */
export function aliasMap(options: { db: DbOrTx; now: Date }): Map<string, MetricField> {
  ensureDefaultAliases(options);
  return new Map(
    options.db
      .select({ alias: schema.metricAliases.alias, field: schema.metricAliases.field })
      .from(schema.metricAliases)
      .all()
      .map((row) => [aliasKey(row.alias), row.field as MetricField]),
  );
}

/** Another alias that reads as the same header (case, spaces and full-width forms aside). */
function clash(tx: DbOrTx, alias: string, exceptId: number | null) {
  const key = aliasKey(alias);
  return tx
    .select()
    .from(schema.metricAliases)
    .all()
    .find((row) => row.id !== exceptId && aliasKey(row.alias) === key);
}

function exists(alias: string, field: string) {
  return fail(409, "alias_exists", `列名“${alias}”已经有别名（${field}）。`, {
    field: "alias",
    params: { alias, field },
  });
}

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
    const other = clash(tx, input.alias, null);
    if (other) return exists(other.alias, other.field);
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
    const other = clash(tx, input.alias, aliasId);
    if (other) return exists(other.alias, other.field);
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
