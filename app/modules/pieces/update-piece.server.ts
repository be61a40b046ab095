import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { recordRevision } from "./record-revision.server";
import type { UpdatePieceInput } from "./schemas";
import { canEditPiece } from "./status-machine";

/**
 * Saves an edit as a new revision. The caller names the version it edited; if someone saved in
 * between, the save is refused as stale instead of silently overwriting their work.
 */
export function updatePiece(options: {
  db: Db;
  actor: Actor;
  pieceId: number;
  input: UpdatePieceInput;
  now: Date;
}): Result<{ version: number }> {
  const { db, actor, input, now } = options;
  const before = db.select().from(schema.pieces).where(eq(schema.pieces.id, options.pieceId)).get();
  if (!before) return fail(404, "not_found", "内容不存在。", { params: { context: "piece" } });
  if (!canEditPiece(before, actor))
    return fail(403, "forbidden", "你不能编辑这条内容（只能编辑自己的草稿，已发布或归档的内容不能修改）。", {
      params: { context: "editPiece" },
    });
  if (before.version !== input.version) {
    return fail(
      409,
      "stale",
      `这条内容已被他人修改（你编辑的是第 ${input.version} 版，当前是第 ${before.version} 版）。请刷新后再改，你的修改尚未保存。`,
      { params: { context: "piece", yours: input.version, current: before.version } },
    );
  }
  const version = before.version + 1;
  return db.transaction((tx) => {
    const changed = tx
      .update(schema.pieces)
      .set({
        title: input.title,
        body: input.body,
        campaignId: input.campaignId ?? null,
        columnId: input.columnId ?? before.columnId,
        mixCategory: input.mixCategory ?? null,
        dueAt: input.dueAt ?? null,
        version,
        updatedAt: now,
      })
      .where(and(eq(schema.pieces.id, before.id), eq(schema.pieces.version, input.version)))
      .run().changes;
    if (changed !== 1)
      return fail(409, "stale", "这条内容刚被他人修改，请刷新后再改。", { params: { context: "pieceRace" } });
    recordRevision(tx, { pieceId: before.id, version, title: input.title, body: input.body, actor, now });
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "piece.update",
      entity: "piece",
      entityId: before.id,
      before: { title: before.title, version: before.version, bodyLength: before.body.length },
      after: { title: input.title, version, bodyLength: input.body.length },
      at: now,
    });
    return { ok: true as const, version };
  });
}
