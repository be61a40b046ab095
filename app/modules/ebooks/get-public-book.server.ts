import { and, desc, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { BOOK_KINDS } from "./schemas";

/**
 * The public page of a book (the target of every QR code): cover facts and the latest screen
 * build. Archived books and anything that is not a book answer null (404).
 */
export function getPublicBook(options: { db: Db; slug: string }) {
  const { db } = options;
  if (!/^[a-z0-9-]{1,40}$/.test(options.slug)) return null;
  const row = db
    .select({ piece: schema.pieces, meta: schema.ebooks })
    .from(schema.pieces)
    .innerJoin(schema.ebooks, eq(schema.ebooks.pieceId, schema.pieces.id))
    .where(eq(schema.pieces.slug, options.slug))
    .get();
  if (!row || row.piece.status === "archived" || !(BOOK_KINDS as readonly string[]).includes(row.piece.kind))
    return null;
  const build = db
    .select()
    .from(schema.ebookBuilds)
    .where(and(eq(schema.ebookBuilds.pieceId, row.piece.id), eq(schema.ebookBuilds.profile, "screen")))
    .orderBy(desc(schema.ebookBuilds.id))
    .limit(1)
    .get();
  return {
    slug: row.piece.slug,
    kind: row.piece.kind,
    title: row.piece.title,
    subtitle: row.meta.subtitle,
    author: row.meta.author,
    description: row.meta.description,
    trim: row.meta.trim,
    latest: build
      ? {
          id: build.id,
          pages: build.pages,
          bytes: build.bytes,
          sha256: build.sha256,
          createdAt: build.createdAt.toISOString(),
        }
      : null,
  };
}
