import { desc } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { toDeletionRequestDto, type DeletionRequestDto } from "./request-deletion.server";

/** Every request, newest first, with whether it is overdue (pending past its 48 hours). */
export function listDeletionRequests(options: {
  db: DbOrTx;
  now: Date;
  limit?: number;
}): (DeletionRequestDto & { overdue: boolean })[] {
  return options.db
    .select()
    .from(schema.deletionRequests)
    .orderBy(desc(schema.deletionRequests.requestedAt), desc(schema.deletionRequests.id))
    .limit(options.limit ?? 200)
    .all()
    .map((row) => ({
      ...toDeletionRequestDto(row),
      overdue: row.status !== "done" && row.dueAt.getTime() < options.now.getTime(),
    }));
}
