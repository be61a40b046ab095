import { and, count, lt, ne } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";

/** Deletion requests not done by their due time: the home page flags them to admins. */
export function countOverdueRequests(options: { db: DbOrTx; now: Date }): number {
  return options.db
    .select({ n: count() })
    .from(schema.deletionRequests)
    .where(and(ne(schema.deletionRequests.status, "done"), lt(schema.deletionRequests.dueAt, options.now)))
    .get()!.n;
}
