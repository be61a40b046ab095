import { integer, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * Column shapes many tables share. Not exported from the schema index: these build columns, they
 * are not tables.
 */

/** The autoincrementing integer primary key `id`. */
export const serialId = () => integer("id").primaryKey({ autoIncrement: true });

/** A moment, stored as milliseconds since the epoch. */
export const timestampMs = <N extends string>(name: N) => integer(name, { mode: "timestamp_ms" });

/** A required reference to another table's integer key. */
export const requiredRef = <N extends string>(name: N, target: () => AnySQLiteColumn) =>
  integer(name).notNull().references(target);

/** `created_at` and `updated_at`, both required. */
export const timestamps = () => ({
  createdAt: timestampMs("created_at").notNull(),
  updatedAt: timestampMs("updated_at").notNull(),
});
