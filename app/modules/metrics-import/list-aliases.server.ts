import { asc } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { ensureDefaultAliases } from "./ensure-default-aliases.server";
import type { MetricField } from "./metric-fields";

export interface AliasDto {
  id: number;
  alias: string;
  field: MetricField;
  updatedAt: string;
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
