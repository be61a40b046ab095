/**
 * A piece's copy: the text the originality check scores and indexes, and the review shows.
 * One function, so the check, the index and the review agree on what "the copy" is.
 */
import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { loadBookContent } from "../ebooks/load-book-content.server";
import { productRows } from "../livestream/show-rows.server";
import { listScriptLines } from "../media/episode-rows.server";
import { scriptToBody } from "../media/episode-script";

export interface PieceCopy {
  text: string;
  kind: string;
  columnId: number | null;
  title: string;
}

type PieceRow = typeof schema.pieces.$inferSelect;

/** The column's fixed outro line: appended to every episode, never part of its copy. Null without a column. */
export function columnOutroLine(db: DbOrTx, columnId: number | null): string | null {
  if (columnId === null) return null;
  const column = db
    .select({ outroLine: schema.columns.outroLine })
    .from(schema.columns)
    .where(eq(schema.columns.id, columnId))
    .get();
  return column?.outroLine ?? null;
}

/** Paragraphs joined one per line, empty ones left out. */
const joined = (parts: string[]) =>
  parts
    .map((part) => part.trim())
    .filter(Boolean)
    .join("\n");

/**
 * An episode: each script line's voice-over, and its caption where it says something else; then
 * the body, unless the body is only the script's own plain-text copy (saving a script writes one,
 * ending with the column's outro line). Shot notes are directions, not copy.
 */
function episodeCopy(db: DbOrTx, piece: PieceRow): string {
  const lines = listScriptLines(db, piece.id);
  const outroLine = columnOutroLine(db, piece.columnId);
  const body = outroLine !== null && piece.body === scriptToBody(lines, outroLine) ? "" : piece.body;
  return joined([
    ...lines.flatMap((line) => [line.voiceover, line.caption !== line.voiceover ? line.caption : ""]),
    body,
  ]);
}

/** A livestream: the script's blocks once each (opening, each product's three parts, interaction, CTA, closing). */
function livestreamCopy(db: DbOrTx, piece: PieceRow): string {
  const show = db
    .select()
    .from(schema.livestreamShows)
    .where(eq(schema.livestreamShows.pieceId, piece.id))
    .get();
  if (!show) return "";
  return joined([
    show.openingText,
    ...productRows(db, piece.id).flatMap((p) => [p.painPoint, p.sellingPoint, p.perk]),
    show.interactionText,
    show.ctaText,
    show.closingText,
  ]);
}

/** An e-book or handbook: each chapter's title and text, in the book's order. */
function bookCopy(db: DbOrTx, piece: PieceRow): string {
  const book = loadBookContent({ db, pieceId: piece.id });
  if (!book) return "";
  return joined(
    book.sections.flatMap((section) =>
      section.chapters.flatMap((chapter) => [chapter.title, chapter.markdown]),
    ),
  );
}

const BY_KIND: Record<string, (db: DbOrTx, piece: PieceRow) => string> = {
  episode: episodeCopy,
  livestream: livestreamCopy,
  ebook: bookCopy,
  handbook: bookCopy,
};

/**
 * The piece's copy by kind: an episode's script lines (and a body of its own), a livestream's
 * blocks, a book's chapters, a poster's or article's body. A piece whose kind-specific tables hold
 * no text yet (a book without chapters, a show without a script) counts its body. Null for an
 * unknown id.
 */
export function pieceCopy(options: { db: DbOrTx; pieceId: number }): PieceCopy | null {
  const { db, pieceId } = options;
  const piece = db.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get();
  if (!piece) return null;
  const own = BY_KIND[piece.kind]?.(db, piece) ?? "";
  return {
    text: own || piece.body.trim(),
    kind: piece.kind,
    columnId: piece.columnId,
    title: piece.title,
  };
}
