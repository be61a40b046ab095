import { asc, desc, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { selectPieces, toPieceDto } from "./list-pieces.server";

export function getPiece(options: { db: Db; pieceId: number }) {
  const row = selectPieces(options.db).where(eq(schema.pieces.id, options.pieceId)).get();
  if (!row) return null;
  const body =
    options.db
      .select({ body: schema.pieces.body })
      .from(schema.pieces)
      .where(eq(schema.pieces.id, options.pieceId))
      .get()?.body ?? "";
  return { ...toPieceDto(row), body };
}

export function getPieceHistory(options: { db: Db; pieceId: number }) {
  const revisions = options.db
    .select({
      id: schema.pieceRevisions.id,
      version: schema.pieceRevisions.version,
      title: schema.pieceRevisions.title,
      body: schema.pieceRevisions.body,
      authorName: schema.users.name,
      createdAt: schema.pieceRevisions.createdAt,
    })
    .from(schema.pieceRevisions)
    .leftJoin(schema.users, eq(schema.users.id, schema.pieceRevisions.authorId))
    .where(eq(schema.pieceRevisions.pieceId, options.pieceId))
    .orderBy(desc(schema.pieceRevisions.version))
    .all();
  const transitions = options.db
    .select({
      id: schema.pieceTransitions.id,
      action: schema.pieceTransitions.action,
      fromStatus: schema.pieceTransitions.fromStatus,
      toStatus: schema.pieceTransitions.toStatus,
      note: schema.pieceTransitions.note,
      actorName: schema.users.name,
      at: schema.pieceTransitions.at,
    })
    .from(schema.pieceTransitions)
    .leftJoin(schema.users, eq(schema.users.id, schema.pieceTransitions.actorId))
    .where(eq(schema.pieceTransitions.pieceId, options.pieceId))
    .orderBy(asc(schema.pieceTransitions.id))
    .all();
  return { revisions, transitions };
}
