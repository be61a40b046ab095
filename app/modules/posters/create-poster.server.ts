import { schema, type Db, type DbOrTx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { insertPiece } from "../pieces/create-piece.server";
import { cleanFields, posterBody } from "./poster-copy";
import type { CreatePosterInput } from "./schemas";

/** Inserts the piece and its poster detail inside an open transaction (the seed uses this too). */
export function insertPoster(
  tx: DbOrTx,
  options: { actor: Actor; input: CreatePosterInput; now: Date },
): number {
  const { actor, input, now } = options;
  const fields = cleanFields(input.fields);
  const pieceId = insertPiece(tx, {
    actor,
    input: { kind: "poster", title: input.title, body: posterBody(fields) },
    now,
  });
  tx.insert(schema.posters)
    .values({
      pieceId,
      template: input.template,
      size: input.size,
      fields,
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  recordAudit(tx, {
    actor: auditActor(actor),
    action: "poster.create",
    entity: "piece",
    entityId: pieceId,
    after: { title: input.title, template: input.template, size: input.size, fields },
    at: now,
  });
  return pieceId;
}

export function createPoster(options: {
  db: Db;
  actor: Actor;
  input: CreatePosterInput;
  now: Date;
}): Result<{ pieceId: number }> {
  if (!can(options.actor.roles, "pieces.create"))
    return fail(403, "forbidden", "你的角色不能创建内容。", { params: { context: "createPiece" } });
  const pieceId = options.db.transaction((tx) => insertPoster(tx, options));
  return { ok: true, pieceId };
}
