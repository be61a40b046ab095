import type { DbOrTx } from "~/lib/db.server";

const statements = new WeakMap<object, Map<string, unknown>>();

/**
 * A query the calendar asks on every page load, built and prepared once per database handle:
 * building a query costs more than running it on these small tables. `build` must make the same
 * statement every time (values go in as placeholders).
 */
export function prepared<T>(db: DbOrTx, name: string, build: () => T): T {
  let byName = statements.get(db);
  if (!byName) {
    byName = new Map();
    statements.set(db, byName);
  }
  let statement = byName.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build();
    byName.set(name, statement);
  }
  return statement;
}
