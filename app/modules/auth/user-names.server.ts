import { inArray } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";

/**
 * The names of the given accounts by id, for showing who wrote, resolved or did something. Nulls
 * and repeats are fine; with no ids there is no query.
 */
export function userNames(db: DbOrTx, ids: ReadonlyArray<number | null>): Map<number, string> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (!wanted.length) return new Map();
  const rows = db
    .select({ id: schema.users.id, name: schema.users.name })
    .from(schema.users)
    .where(inArray(schema.users.id, wanted))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}
