import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { recordAudit } from "../audit/record-audit.server";
import { DEFAULT_ALIASES } from "./metric-fields";

const DEFAULTS_KEY = "metric_aliases:defaults";

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
