import { schema, type DbOrTx } from "~/lib/db.server";
import { fail } from "~/lib/result";
import { aliasKey } from "./read-export";

/** Another alias that reads as the same header (case, spaces and full-width forms aside). */
export function aliasClash(tx: DbOrTx, alias: string, exceptId: number | null) {
  const key = aliasKey(alias);
  return tx
    .select()
    .from(schema.metricAliases)
    .all()
    .find((row) => row.id !== exceptId && aliasKey(row.alias) === key);
}

export function aliasExists(alias: string, field: string) {
  return fail(409, "alias_exists", `列名“${alias}”已经有别名（${field}）。`, {
    field: "alias",
    params: { alias, field },
  });
}
