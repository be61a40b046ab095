import { desc, eq, inArray } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { getSignoffState } from "./get-signoff-state.server";
import { BOOK_KINDS } from "./schemas";

/** Every book for the list page and the API: latest page count against the target, chapters, sign-off. */
export function listBooks(options: { db: Db }) {
  const { db } = options;
  const rows = db
    .select({ piece: schema.pieces, meta: schema.ebooks, ownerName: schema.users.name })
    .from(schema.ebooks)
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.ebooks.pieceId))
    .leftJoin(schema.users, eq(schema.users.id, schema.pieces.ownerId))
    .where(inArray(schema.pieces.kind, [...BOOK_KINDS]))
    .orderBy(desc(schema.pieces.updatedAt))
    .all();
  return rows.map(({ piece, meta, ownerName }) => {
    const chapters = db
      .select({ id: schema.ebookChapters.id })
      .from(schema.ebookChapters)
      .where(eq(schema.ebookChapters.pieceId, piece.id))
      .all().length;
    const latest = db
      .select()
      .from(schema.ebookBuilds)
      .where(eq(schema.ebookBuilds.pieceId, piece.id))
      .orderBy(desc(schema.ebookBuilds.id))
      .limit(1)
      .get();
    const signoff = getSignoffState({ db, pieceId: piece.id });
    return {
      id: piece.id,
      kind: piece.kind,
      title: piece.title,
      status: piece.status,
      ownerName: ownerName ?? "",
      trim: meta.trim,
      targetPages: meta.targetPages,
      chapters,
      latestPages: latest?.pages ?? null,
      latestBuildAt: latest?.createdAt.toISOString() ?? null,
      signoff: signoff.state,
      updatedAt: piece.updatedAt.toISOString(),
    };
  });
}
