import { and, desc, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { BOOK_KINDS } from "./schemas";

/** Only a published book has a public page; every other status is as unknown as a wrong slug. */
export const PUBLIC_BOOK_STATUS = "published";

/** Answer of every public book URL that must not exist: the same for a draft as for a typo. */
export const PUBLIC_NOT_FOUND = { message: "没有找到这本书。" } as const;

/**
 * The public page of a book (the target of every QR code): cover facts and the latest screen
 * build. Only published books are public: a draft, a book in review, a rejected, approved,
 * scheduled or archived one, and anything that is not a book answer null, so the page and its
 * download give the same 404 as an unknown slug and unpublished books cannot be discovered.
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
  if (
    !row ||
    row.piece.status !== PUBLIC_BOOK_STATUS ||
    !(BOOK_KINDS as readonly string[]).includes(row.piece.kind)
  )
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
