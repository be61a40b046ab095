import { count } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Studio } from "~/lib/studio.server";

/** How many rows a table holds: what the snapshots of "a refused change leaves this alone" compare. */
export const rowCount = (studio: Studio, table: SQLiteTable) =>
  studio.db.select({ n: count() }).from(table).get()!.n;
