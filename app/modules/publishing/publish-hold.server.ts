import type { DbOrTx } from "~/lib/db.server";
import { statusLabel } from "../pieces/status-machine";
import { checkTransitionGates } from "../pieces/transition-gates.server";
import type { PieceRow } from "./slot-rows.server";

/** Piece statuses a slot may go out for: approved, scheduled, or published by an earlier slot. */
const PUBLISHABLE = new Set(["approved", "scheduled", "published"]);

/**
 * Why a slot's piece may not go out now, or null: publishing checks the piece once more at send
 * time, through the same gate registry the status machine asks (changed after approval, a print
 * handbook's sign-off, a script's issues, and compliance findings once they exist).
 */
export function publishHoldReason(tx: DbOrTx, piece: PieceRow): string | null {
  if (!PUBLISHABLE.has(piece.status))
    return `内容当前是「${statusLabel(piece.status)}」，只有审核通过的内容才能发布。`;
  const gate = checkTransitionGates({ tx, piece, action: "publish" });
  return gate ? gate.message : null;
}
