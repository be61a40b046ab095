import crypto from "node:crypto";
import { schema, type Db, type DbOrTx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { recordRevision } from "./record-revision.server";
import type { CreatePieceInput } from "./schemas";

export function newPieceSlug(kind: string): string {
  return `${kind.slice(0, 2)}-${crypto
    .randomBytes(5)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x")}`;
}

/**
 * Inserts a piece and its first revision inside an open transaction; kind modules call this so
 * an episode, a book or a show is a piece like any other.
 */
export function insertPiece(
  tx: DbOrTx,
  options: { actor: Actor; input: CreatePieceInput; now: Date },
): number {
  const { actor, input, now } = options;
  const piece = tx
    .insert(schema.pieces)
    .values({
      kind: input.kind,
      title: input.title,
      body: input.body,
      status: "draft",
      ownerId: actor.id,
      campaignId: input.campaignId ?? null,
      columnId: input.columnId ?? null,
      mixCategory: input.mixCategory ?? null,
      dueAt: input.dueAt ?? null,
      slug: newPieceSlug(input.kind),
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: schema.pieces.id, slug: schema.pieces.slug })
    .get();
  recordRevision(tx, { pieceId: piece.id, version: 1, title: input.title, body: input.body, actor, now });
  recordAudit(tx, {
    actor: auditActor(actor),
    action: "piece.create",
    entity: "piece",
    entityId: piece.id,
    after: { kind: input.kind, title: input.title, slug: piece.slug },
    at: now,
  });
  return piece.id;
}

export function createPiece(options: {
  db: Db;
  actor: Actor;
  input: CreatePieceInput;
  now: Date;
}): Result<{ pieceId: number }> {
  if (!can(options.actor.roles, "pieces.create"))
    return fail(403, "forbidden", "你的角色不能创建内容。", { params: { context: "createPiece" } });
  const pieceId = options.db.transaction((tx) => insertPiece(tx, options));
  return { ok: true, pieceId };
}
