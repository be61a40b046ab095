import { asc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { BookContent } from "./book-rows.server";
import { findBook } from "./find-book.server";

/** The whole book as its tables hold it (sections and chapters in order), or null when it is not a book. */
export function loadBookContent(options: { db: DbOrTx; pieceId: number }): BookContent | null {
  const { db, pieceId } = options;
  const found = findBook({ db, pieceId });
  if (!found) return null;
  const sections = db
    .select()
    .from(schema.ebookSections)
    .where(eq(schema.ebookSections.pieceId, pieceId))
    .orderBy(asc(schema.ebookSections.position), asc(schema.ebookSections.id))
    .all();
  const chapters = db
    .select()
    .from(schema.ebookChapters)
    .where(eq(schema.ebookChapters.pieceId, pieceId))
    .orderBy(asc(schema.ebookChapters.position), asc(schema.ebookChapters.id))
    .all();
  const images = db
    .select()
    .from(schema.ebookImages)
    .where(eq(schema.ebookImages.pieceId, pieceId))
    .orderBy(asc(schema.ebookImages.name))
    .all();
  return {
    ...found,
    sections: sections.map((s) => ({ ...s, chapters: chapters.filter((c) => c.sectionId === s.id) })),
    images,
  };
}
