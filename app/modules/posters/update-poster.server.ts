import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { recordRevision } from "../pieces/record-revision.server";
import { editablePoster } from "./find-poster.server";
import { cleanFields, posterBody } from "./poster-copy";
import type { UpdatePosterInput } from "./schemas";

/**
 * Saves a poster's template, size and copy. The copy becomes the piece's body and a new revision
 * (so review, the compliance gates and "changed after approval" see it like any piece's text).
 */
export function updatePoster(options: {
  db: Db;
  actor: Actor;
  pieceId: number;
  input: UpdatePosterInput;
  now: Date;
}): Result<{ version: number }> {
  const { db, actor, pieceId, input, now } = options;
  return db.transaction((tx) => {
    const access = editablePoster(tx, pieceId, actor);
    if (!access.ok) return access;
    const { piece, poster } = access;
    if (poster.version !== input.version)
      return fail(409, "stale", "海报刚被他人修改，请刷新后再改。", { params: { context: "poster" } });
    const fields = input.fields ? cleanFields(input.fields) : poster.fields;
    const title = input.title ?? piece.title;
    const body = posterBody(fields);
    const version = poster.version + 1;
    tx.update(schema.posters)
      .set({
        template: input.template ?? poster.template,
        size: input.size ?? poster.size,
        fields,
        version,
        updatedAt: now,
      })
      .where(eq(schema.posters.pieceId, pieceId))
      .run();
    if (body !== piece.body || title !== piece.title) {
      const pieceVersion = piece.version + 1;
      tx.update(schema.pieces)
        .set({ title, body, version: pieceVersion, updatedAt: now })
        .where(eq(schema.pieces.id, pieceId))
        .run();
      recordRevision(tx, { pieceId, version: pieceVersion, title, body, actor, now });
    } else tx.update(schema.pieces).set({ updatedAt: now }).where(eq(schema.pieces.id, pieceId)).run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "poster.update",
      entity: "piece",
      entityId: pieceId,
      before: { title: piece.title, template: poster.template, size: poster.size, fields: poster.fields },
      after: { title, template: input.template ?? poster.template, size: input.size ?? poster.size, fields },
      at: now,
    });
    return { ok: true as const, version };
  });
}
