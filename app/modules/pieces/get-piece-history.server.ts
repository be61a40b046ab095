import { asc, desc, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { revisionColumns } from "./revision-columns.server";
import { transitionRows } from "./transition-rows.server";

export interface GetPieceHistoryOptions {
  db: Db;
  pieceId: number;
}

/** The list of revisions (newest first, without their bodies) and the status transitions. */
export function getPieceHistory(options: GetPieceHistoryOptions) {
  const revisions = options.db
    .select(revisionColumns)
    .from(schema.pieceRevisions)
    .leftJoin(schema.users, eq(schema.users.id, schema.pieceRevisions.authorId))
    .where(eq(schema.pieceRevisions.pieceId, options.pieceId))
    .orderBy(desc(schema.pieceRevisions.version))
    .all();
  const transitions = transitionRows(options.db, options.pieceId)
    .orderBy(asc(schema.pieceTransitions.id))
    .all();
  return { revisions, transitions };
}
