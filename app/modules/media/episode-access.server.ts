import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { fail, type Failure } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { canEditPiece } from "../pieces/status-machine";

export type PieceRow = typeof schema.pieces.$inferSelect;
export type ColumnRow = typeof schema.columns.$inferSelect;

/** An episode piece with its column, or a 404 for unknown ids, other kinds and orphan episodes. */
export function loadEpisode(
  db: DbOrTx,
  pieceId: number,
): { ok: true; piece: PieceRow; column: ColumnRow } | Failure {
  const piece = db.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get();
  if (!piece || piece.kind !== "episode")
    return fail(404, "not_found", "短视频不存在。", { params: { context: "episode" } });
  if (piece.columnId == null) return fail(404, "no_column", "这条短视频没有所属栏目。");
  const column = db.select().from(schema.columns).where(eq(schema.columns.id, piece.columnId)).get();
  if (!column) return fail(404, "no_column", "这条短视频的栏目不存在。", { params: { context: "missing" } });
  return { ok: true, piece, column };
}

/** Script and footage follow the piece's edit rule: copywriters their own drafts, editors anything live. */
export function canEditEpisode(piece: PieceRow, actor: Actor): boolean {
  return canEditPiece(piece, actor);
}

/** Rendering changes nothing in the script, so it is open to the owner and reviewers in any live state. */
export function canRenderEpisode(piece: PieceRow, actor: Actor): boolean {
  if (piece.status === "archived") return false;
  return (
    can(actor.roles, "renders.create") && (piece.ownerId === actor.id || can(actor.roles, "pieces.review"))
  );
}

export function requireEditableEpisode(
  db: DbOrTx,
  pieceId: number,
  actor: Actor,
): { ok: true; piece: PieceRow; column: ColumnRow } | Failure {
  const loaded = loadEpisode(db, pieceId);
  if (!loaded.ok) return loaded;
  if (!canEditEpisode(loaded.piece, actor))
    return fail(403, "forbidden", "你不能修改这条短视频（只能改自己的草稿，已发布或归档的不能改）。", {
      params: { context: "editEpisode" },
    });
  return loaded;
}
