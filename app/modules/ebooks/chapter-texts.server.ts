/**
 * The Markdown each build was typeset from, kept by the sha256 its snapshot names for the chapter.
 * A text is stored once per book however many builds share it, so rebuilding an unchanged book
 * adds nothing. Builds made before texts were kept name hashes with no text here.
 */
import { and, eq, inArray } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { BookContent } from "./book-rows.server";
import { sha256Hex } from "./content-hash.server";

/** Keeps the text of every chapter of the book as built (in the build's transaction). */
export function keepChapterTexts(tx: DbOrTx, content: BookContent): void {
  const rows = content.sections.flatMap((s) =>
    s.chapters.map((c) => ({
      pieceId: content.piece.id,
      sha256: sha256Hex(c.markdown),
      markdown: c.markdown,
    })),
  );
  for (const row of rows) tx.insert(schema.ebookChapterTexts).values(row).onConflictDoNothing().run();
}

/** The kept texts of a book's chapter hashes (hashes with no kept text are absent). */
export function loadChapterTexts(options: {
  db: DbOrTx;
  pieceId: number;
  hashes: string[];
}): Map<string, string> {
  const { db, pieceId, hashes } = options;
  if (!hashes.length) return new Map();
  const rows = db
    .select({ sha256: schema.ebookChapterTexts.sha256, markdown: schema.ebookChapterTexts.markdown })
    .from(schema.ebookChapterTexts)
    .where(
      and(
        eq(schema.ebookChapterTexts.pieceId, pieceId),
        inArray(schema.ebookChapterTexts.sha256, [...new Set(hashes)]),
      ),
    )
    .all();
  return new Map(rows.map((r) => [r.sha256, r.markdown]));
}
