/** Row shapes of the e-book tables, and a book read back whole. Types only. */
import type { schema } from "~/lib/db.server";

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
