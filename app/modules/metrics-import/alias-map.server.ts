import { schema, type DbOrTx } from "~/lib/db.server";
import { ensureDefaultAliases } from "./ensure-default-aliases.server";
import type { MetricField } from "./metric-fields";
import { aliasKey } from "./read-export";

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
