import { desc, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import type { BuildRow } from "./book-rows.server";

/** A book's builds, newest first. */
export function listBuilds(options: { db: Db; pieceId: number }): BuildRow[] {
  return options.db
    .select()
    .from(schema.ebookBuilds)
    .where(eq(schema.ebookBuilds.pieceId, options.pieceId))
    .orderBy(desc(schema.ebookBuilds.id))
    .all();
}
