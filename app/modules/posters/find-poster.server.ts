import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { canEditPiece } from "../pieces/status-machine";

export type PosterRow = typeof schema.posters.$inferSelect;
export type PieceRow = typeof schema.pieces.$inferSelect;

export function findPoster(db: DbOrTx, pieceId: number): { piece: PieceRow; poster: PosterRow } | null {
  const row = db
    .select({ piece: schema.pieces, poster: schema.posters })
    .from(schema.posters)
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.posters.pieceId))
    .where(eq(schema.posters.pieceId, pieceId))
    .get();
  return row ?? null;
}

export function posterNotFound() {
  return fail(404, "not_found", "海报不存在。", { params: { context: "poster" } });
}

/**
 * The row rule for a poster's copy and images, the same as any piece's: a copywriter edits only
 * their own draft or rejected posters; editors edit anything not yet published or archived.
 */
export function editablePoster(
  db: DbOrTx,
  pieceId: number,
  actor: Actor,
): Result<{ piece: PieceRow; poster: PosterRow }> {
  const found = findPoster(db, pieceId);
  if (!found) return posterNotFound();
  if (!canEditPiece(found.piece, actor))
    return fail(
      403,
      "forbidden",
      "你不能修改这张海报（文案只能修改自己的草稿；已发布或已归档的不能修改）。",
      {
        params: { context: "editPoster" },
      },
    );
  return { ok: true, ...found };
}
