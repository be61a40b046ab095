import type { DbOrTx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { canEditPiece } from "../pieces/status-machine";
import type { EbookRow, PieceRow } from "./book-rows.server";
import { findBook } from "./find-book.server";

/** Whether the pages offer this actor the book's edit controls: a role that edits books, and the row rule. */
export function mayEditBook(piece: PieceRow, actor: Actor): boolean {
  return can(actor.roles, "ebooks.edit") && canEditPiece(piece, actor);
}

/**
 * Row-level rule for book content: the same as for any piece (a copywriter edits only their own
 * draft or rejected books; editors edit anything not yet published or archived).
 */
export function editableBook(
  db: DbOrTx,
  pieceId: number,
  actor: Actor,
): Result<{ piece: PieceRow; meta: EbookRow }> {
  const found = findBook({ db, pieceId });
  if (!found) return fail(404, "not_found", "这本书不存在。", { params: { context: "book" } });
  if (!canEditPiece(found.piece, actor)) {
    return fail(
      403,
      "forbidden",
      "你不能修改这本书（文案只能修改自己的草稿；已发布或已归档的书不能修改）。",
      { params: { context: "editBook" } },
    );
  }
  return { ok: true, ...found };
}
