/** Row shapes of the e-book tables, a book read back whole, and the detail a metadata form writes. */
import type { schema } from "~/lib/db.server";
import type { UpdateBookInput } from "./schemas";

export type PieceRow = typeof schema.pieces.$inferSelect;
export type EbookRow = typeof schema.ebooks.$inferSelect;
export type ChapterRow = typeof schema.ebookChapters.$inferSelect;
export type SectionRow = typeof schema.ebookSections.$inferSelect;
export type ImageRow = typeof schema.ebookImages.$inferSelect;
export type BuildRow = typeof schema.ebookBuilds.$inferSelect;
export type SignoffRow = typeof schema.ebookSignoffs.$inferSelect;

/** A book as its tables hold it: the piece, its detail row, sections with chapters in order, images. */
export interface BookContent {
  piece: PieceRow;
  meta: EbookRow;
  sections: Array<SectionRow & { chapters: ChapterRow[] }>;
  images: ImageRow[];
}

/** The `ebooks` columns the metadata forms write (creating and editing a book write the same ones). */
export function bookDetailValues(input: Omit<UpdateBookInput, "version" | "title">) {
  const { subtitle, author, description, keywords, trim, targetPages } = input;
  return { subtitle, author, description, keywords, trim, targetPages };
}

/** The book's outline (sections and chapters by id and title, in order), with what a reader needs of each chapter. */
export function bookOutline<T extends object>(content: BookContent, chapter: (row: ChapterRow) => T) {
  return content.sections.map((s) => ({
    id: s.id,
    title: s.title,
    chapters: s.chapters.map((c) => ({ id: c.id, title: c.title, ...chapter(c) })),
  }));
}
