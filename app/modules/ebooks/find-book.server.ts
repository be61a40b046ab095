import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { EbookRow, PieceRow } from "./book-rows.server";
import { BOOK_KINDS } from "./schemas";

/** The book row pair (piece + ebook detail), or null when the id is not a book. */
export function findBook(options: {
  db: DbOrTx;
  pieceId: number;
}): { piece: PieceRow; meta: EbookRow } | null {
  const { db, pieceId } = options;
  const piece = db.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get();
  if (!piece || !(BOOK_KINDS as readonly string[]).includes(piece.kind)) return null;
  const meta = db.select().from(schema.ebooks).where(eq(schema.ebooks.pieceId, pieceId)).get();
  return meta ? { piece, meta } : null;
}
