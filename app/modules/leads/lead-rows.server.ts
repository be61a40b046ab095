import { desc, eq, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";

/**
 * Leads with their piece's title and their assignee's name, newest first: what the inbox and the
 * export both read. All of them, or those matching `where`, at most `limit`.
 */
export function leadRows(db: DbOrTx, options: { where?: SQL; limit?: number } = {}) {
  const query = db
    .select({ lead: schema.leads, pieceTitle: schema.pieces.title, assigneeName: schema.users.name })
    .from(schema.leads)
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.leads.pieceId))
    .leftJoin(schema.users, eq(schema.users.id, schema.leads.assigneeId))
    .where(options.where)
    .orderBy(desc(schema.leads.createdAt), desc(schema.leads.id))
    .$dynamic();
  return (options.limit === undefined ? query : query.limit(options.limit)).all();
}
