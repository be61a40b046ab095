import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import type { BuildRow } from "./book-rows.server";

export function getBuild(options: { db: Db; buildId: number }): BuildRow | null {
  return (
    options.db.select().from(schema.ebookBuilds).where(eq(schema.ebookBuilds.id, options.buildId)).get() ??
    null
  );
}
