import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { canEditShow } from "./show-access";
import type { ShowInput } from "./show-input";
import { loadShow } from "./show-rows.server";
import { toShowScript } from "./show-script";
import { checkStaff, pieceBody, writeScript } from "./show-script-writer.server";
import { recordRevision } from "../pieces/record-revision.server";

export interface UpdateShowOptions {
  db: Db;
  actor: Actor;
  showId: number;
  input: ShowInput;
  now: Date;
}

/** Saves the whole script (products and fixed blocks) as a new piece revision. */
export function updateShow(options: UpdateShowOptions): Result<{ version: number }> {
  const { db, actor, showId, input, now } = options;
  const loaded = loadShow(db, showId);
  if (!loaded) return fail(404, "not_found", "直播脚本不存在。", { params: { context: "showScript" } });
  const { piece } = loaded;
  if (!canEditShow(piece, actor))
    return fail(
      403,
      "forbidden",
      "你不能编辑这场直播的脚本（文案只能编辑自己的脚本，已发布或归档的不能修改）。",
      { params: { context: "editShow" } },
    );
  if (input.version !== undefined && input.version !== piece.version) {
    return fail(
      409,
      "stale",
      `脚本已被他人修改（你编辑的是第 ${input.version} 版，当前是第 ${piece.version} 版）。请刷新后再改，你的修改尚未保存。`,
      { params: { context: "script", yours: input.version, current: piece.version } },
    );
  }
  const staff = checkStaff(db, input);
  if (staff) return staff;
  const version = piece.version + 1;
  return db.transaction((tx) => {
    const body = pieceBody(toShowScript(input, { timing: { hostCharsPerMinute: input.hostCharsPerMinute } }));
    // Guarded on the version read above, so two concurrent saves cannot both land.
    const changed = tx
      .update(schema.pieces)
      .set({ title: input.title, body, version, updatedAt: now })
      .where(and(eq(schema.pieces.id, showId), eq(schema.pieces.version, piece.version)))
      .run().changes;
    if (changed !== 1)
      return fail(409, "stale", "脚本刚被他人修改，请刷新后再改。", { params: { context: "scriptRace" } });
    const { script, values } = writeScript(tx, showId, input, now);
    tx.update(schema.livestreamShows).set(values).where(eq(schema.livestreamShows.pieceId, showId)).run();
    recordRevision(tx, { pieceId: showId, version, title: script.title, body, actor, now });
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "livestream.update",
      entity: "piece",
      entityId: showId,
      before: {
        title: piece.title,
        version: piece.version,
        products: loaded.script.products.length,
        plannedMinutes: loaded.script.plannedMinutes,
      },
      after: {
        title: script.title,
        version,
        products: script.products.length,
        plannedMinutes: script.plannedMinutes,
      },
      at: now,
    });
    return { ok: true as const, version };
  });
}
