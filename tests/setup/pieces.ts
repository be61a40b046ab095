import { eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import type { Studio } from "~/lib/studio.server";
import type { Actor } from "~/modules/auth/actor";
import { createPiece } from "~/modules/pieces/create-piece.server";
import type { PieceKind } from "~/modules/pieces/status-machine";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";
import { action as pieceAction } from "~/routes/_app.pieces.$id";
import { postForm } from "./test-studio";

/**
 * A piece taken through the real workflow: created by its owner and, unless `status` is "draft",
 * submitted by the owner and approved by the editor.
 */
export function workflowPiece(
  studio: Studio,
  options: {
    owner: Actor;
    editor: Actor;
    kind: PieceKind;
    title: string;
    body: string;
    status?: "draft" | "approved";
  },
): typeof schema.pieces.$inferSelect {
  const created = createPiece({
    db: studio.db,
    actor: options.owner,
    input: { kind: options.kind, title: options.title, body: options.body },
    now: studio.now(),
  });
  if (!created.ok) throw new Error(created.message);
  if (options.status !== "draft") {
    for (const [actor, action] of [
      [options.owner, "submit"],
      [options.editor, "approve"],
    ] as const) {
      const moved = transitionPiece({
        db: studio.db,
        actor,
        pieceId: created.pieceId,
        action,
        now: studio.now(),
      });
      if (!moved.ok) throw new Error(moved.message);
    }
  }
  return studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, created.pieceId)).get()!;
}

/** An episode's script lines as stored (voiceover, caption, shot note, seconds), in no set order. */
export const scriptLinesOf = (studio: Studio, pieceId: number) =>
  studio.db
    .select()
    .from(schema.episodeScriptLines)
    .where(eq(schema.episodeScriptLines.pieceId, pieceId))
    .all();

/** Posts one of the piece page's forms (`intent` and its fields) as the holder of `cookie`. */
export function pagePost(cookie: string, pieceId: number | string, fields: Record<string, string>) {
  return postForm(pieceAction, `/pieces/${pieceId}`, fields, cookie, { id: String(pieceId) });
}
