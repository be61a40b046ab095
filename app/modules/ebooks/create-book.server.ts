import { schema, type Db, type DbOrTx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { insertPiece } from "../pieces/create-piece.server";
import { bookDetailValues } from "./book-rows.server";
import type { CreateBookInput } from "./schemas";

/** Inserts the piece and its book detail inside an open transaction (the seed uses this too). */
export function insertBook(
  tx: DbOrTx,
  options: { actor: Actor; input: CreateBookInput; now: Date; pieceId?: number },
): number {
  const { actor, input, now } = options;
  const pieceId =
    options.pieceId ??
    insertPiece(tx, { actor, input: { kind: input.kind, title: input.title, body: input.description }, now });
  tx.insert(schema.ebooks)
    .values({
      pieceId,
      ...bookDetailValues(input),
      version: 1,
      updatedAt: now,
    })
    .run();
  recordAudit(tx, {
    actor: auditActor(actor),
    action: "ebook.create",
    entity: "piece",
    entityId: pieceId,
    after: { kind: input.kind, title: input.title, trim: input.trim, targetPages: input.targetPages },
    at: now,
  });
  return pieceId;
}

export function createBook(options: {
  db: Db;
  actor: Actor;
  input: CreateBookInput;
  now: Date;
}): Result<{ pieceId: number }> {
  if (!can(options.actor.roles, "ebooks.edit"))
    return fail(403, "forbidden", "你的角色不能创建电子书。", { params: { context: "createBook" } });
  const pieceId = options.db.transaction((tx) => insertBook(tx, options));
  return { ok: true, pieceId };
}
