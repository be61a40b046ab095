import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { requireEditableEpisode } from "./episode-access.server";
import { checkScript, scriptToBody, type SaveScriptInput } from "./episode-script";
import { listScriptLines } from "./episode-rows.server";
import { recordRevision } from "../pieces/record-revision.server";

/**
 * Replaces an episode's script lines. The save names the piece version it started from; if anyone
 * saved in between it is refused (409) and their script stays. The piece body gets a text copy,
 * so the piece's revisions show every script change.
 */
export function saveEpisodeScript(options: {
  db: Db;
  actor: Actor;
  pieceId: number;
  input: SaveScriptInput;
  now: Date;
}): Result<{ version: number }> {
  const { db, actor, input, now } = options;
  const loaded = requireEditableEpisode(db, options.pieceId, actor);
  if (!loaded.ok) return loaded;
  const { piece, column } = loaded;
  if (piece.version !== input.version) {
    return fail(
      409,
      "stale",
      `脚本已被他人修改（你编辑的是第 ${input.version} 版，当前是第 ${piece.version} 版）。请刷新后再改，你的修改尚未保存。`,
      { params: { context: "script", yours: input.version, current: piece.version } },
    );
  }
  const version = piece.version + 1;
  const body = scriptToBody(input.lines, column.outroLine);
  return db.transaction((tx) => {
    const before = listScriptLines(tx, piece.id);
    const changed = tx
      .update(schema.pieces)
      .set({ body, version, updatedAt: now })
      .where(and(eq(schema.pieces.id, piece.id), eq(schema.pieces.version, input.version)))
      .run().changes;
    if (changed !== 1)
      return fail(409, "stale", "脚本刚被他人修改，请刷新后再改。", { params: { context: "scriptRace" } });
    tx.delete(schema.episodeScriptLines).where(eq(schema.episodeScriptLines.pieceId, piece.id)).run();
    input.lines.forEach((line, position) => {
      tx.insert(schema.episodeScriptLines)
        .values({
          pieceId: piece.id,
          position,
          voiceover: line.voiceover,
          caption: line.caption,
          shotNote: line.shotNote,
          seconds: line.seconds,
        })
        .run();
    });
    recordRevision(tx, { pieceId: piece.id, version, title: piece.title, body, actor, now });
    const check = checkScript(input.lines, column);
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "episode.script.save",
      entity: "piece",
      entityId: piece.id,
      before: { version: piece.version, lines: before.length },
      after: { version, lines: input.lines.length, totalSeconds: check.totalSeconds },
      at: now,
    });
    return { ok: true as const, version };
  });
}
