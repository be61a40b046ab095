import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { copyTitle } from "../pieces/copy-title";
import { insertPiece } from "../pieces/create-piece.server";
import { TITLE_MAX, type CreatePieceInput } from "../pieces/schemas";
import { loadEpisode } from "./episode-access.server";
import { listScriptLines } from "./episode-rows.server";

/**
 * Starts a new episode from an earlier one: its script lines in the same column, as a new draft
 * owned by the caller. Footage and renders stay with the original (the new script needs its own
 * shots), so the copy is independent of it from the first save.
 */
export function duplicateEpisode(options: {
  db: Db;
  actor: Actor;
  pieceId: number;
  now: Date;
}): Result<{ pieceId: number }> {
  const { db, actor, now } = options;
  if (!can(actor.roles, "pieces.create"))
    return fail(403, "forbidden", "你的角色不能创建内容。", { params: { context: "createPiece" } });
  const loaded = loadEpisode(db, options.pieceId);
  if (!loaded.ok) return loaded;
  const { piece, column } = loaded;
  return db.transaction((tx) => {
    const lines = listScriptLines(tx, piece.id);
    const pieceId = insertPiece(tx, {
      actor,
      input: {
        kind: "episode",
        title: copyTitle(piece.title, TITLE_MAX),
        body: piece.body,
        columnId: column.id,
        mixCategory: (piece.mixCategory ?? undefined) as CreatePieceInput["mixCategory"],
      },
      now,
    });
    lines.forEach((line, position) => {
      tx.insert(schema.episodeScriptLines)
        .values({ pieceId, position, ...line })
        .run();
    });
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "episode.duplicate",
      entity: "piece",
      entityId: pieceId,
      before: { pieceId: piece.id, version: piece.version },
      after: { pieceId, lines: lines.length },
      at: now,
    });
    return { ok: true as const, pieceId };
  });
}
