/** Helper: the columns a revision is listed with (its body is read only where it is shown). */
import { schema } from "~/lib/db.server";

export const revisionColumns = {
  id: schema.pieceRevisions.id,
  version: schema.pieceRevisions.version,
  title: schema.pieceRevisions.title,
  authorName: schema.users.name,
  createdAt: schema.pieceRevisions.createdAt,
};
