import type { DbOrTx } from "~/lib/db.server";
import { normalizeForMatch } from "../scanner/normalize";
import { pieceCopy } from "../piece-copy.server";
import { storedBandKeys } from "./fingerprints";
import { writeBandKeys } from "./originality-index.server";

/**
 * Rewrites a piece's rows in the originality index from its current copy (the review calls it
 * inside the submit transaction; the demo seed for its pieces). An unknown piece loses its rows.
 * Returns the number of rows written.
 */
export function indexPieceCopy(options: { tx: DbOrTx; pieceId: number }): { rows: number } {
  const { tx, pieceId } = options;
  const copy = pieceCopy({ db: tx, pieceId });
  const rows = copy ? storedBandKeys(normalizeForMatch(copy.text).text) : [];
  writeBandKeys(tx, pieceId, rows);
  return { rows: rows.length };
}
