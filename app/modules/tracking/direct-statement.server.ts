import Database from "better-sqlite3";
import { is, Param, Placeholder } from "drizzle-orm";
import type { DbOrTx } from "~/lib/db.server";

/** What a beacon's statements need: run, and the rows as value arrays. */
export interface BeaconStatement {
  run(values: Record<string, unknown>): { changes: number };
  values(values: Record<string, unknown>): unknown[][];
}

/** A drizzle query builder: its SQL and parameters, or drizzle's own prepared query. */
interface Buildable {
  toSQL(): { sql: string; params: unknown[] };
  prepare(): {
    run(values?: Record<string, unknown>): { changes: number };
    values(values?: Record<string, unknown>): unknown;
  };
}

/** The better-sqlite3 connection drizzle() was given, when the handle is a database (not a transaction object). */
export function connectionOf(handle: DbOrTx): Database.Database | undefined {
  const client = (handle as { $client?: unknown }).$client;
  return client instanceof Database ? client : undefined;
}

/**
 * A statement built with drizzle (its SQL and columns come from the schema) and run straight on
 * the database handle's better-sqlite3 connection: the placeholders' order and encoders are worked
 * out once, where drizzle's prepared query looks them up again on every run (a tenth of a beacon's
 * cost in a profile). A handle without its own connection (a drizzle transaction object) gets
 * drizzle's prepared query: the same SQL on the same connection.
 */
export function directStatement(handle: DbOrTx, query: Buildable): BeaconStatement {
  const client = connectionOf(handle);
  if (!client) {
    const drizzled = query.prepare();
    return {
      run: (values) => drizzled.run(values),
      values: (values) => drizzled.values(values) as unknown[][],
    };
  }
  const { sql, params } = query.toSQL();
  const statement = client.prepare(sql);
  // As drizzle's fillPlaceholders: a placeholder takes its value, a column's placeholder goes
  // through the column's encoder (a Date to milliseconds), anything else is already a value.
  const binders = params.map((param): ((values: Record<string, unknown>) => unknown) => {
    if (is(param, Placeholder)) return (values) => values[param.name];
    if (is(param, Param) && is(param.value, Placeholder)) {
      const name = param.value.name;
      return (values) => param.encoder.mapToDriverValue(values[name]);
    }
    return () => param;
  });
  const bind = (values: Record<string, unknown>) => binders.map((binder) => binder(values));
  const rows = statement.reader ? statement.raw(true) : undefined;
  return {
    run: (values) => statement.run(...bind(values)),
    values: (values) => (rows ? (rows.all(...bind(values)) as unknown[][]) : []),
  };
}
