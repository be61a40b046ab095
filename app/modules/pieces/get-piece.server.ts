import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { selectPieces, toPieceDto } from "./piece-rows.server";

export interface GetPieceOptions {
  db: Db;
  pieceId: number;
}

/** A piece with its body, or null when the id is unknown. */
export function getPiece(options: GetPieceOptions) {
  const row = selectPieces(options.db).where(eq(schema.pieces.id, options.pieceId)).get();
  if (!row) return null;
  const body =
    options.db
      .select({ body: schema.pieces.body })
      .from(schema.pieces)
      .where(eq(schema.pieces.id, options.pieceId))
      .get()?.body ?? "";
  return { ...toPieceDto(row), body };
}
