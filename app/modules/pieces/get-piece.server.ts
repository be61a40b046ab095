import { and, asc, desc, eq, lt } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { selectPieces, toPieceDto } from "./list-pieces.server";
import { diffBodies } from "./text-diff";

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

const revisionColumns = {
  id: schema.pieceRevisions.id,
  version: schema.pieceRevisions.version,
  title: schema.pieceRevisions.title,
  authorName: schema.users.name,
  createdAt: schema.pieceRevisions.createdAt,
};

/** The list of revisions (newest first, without their bodies) and the status transitions. */
export function getPieceHistory(options: { db: Db; pieceId: number }) {
  const revisions = options.db
    .select(revisionColumns)
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

/**
 * One revision (the given version, or the latest when it is absent or unknown) with its change
 * from the revision before it. Only these two bodies are read and only this one pair is diffed.
 */
export function getRevisionChange(options: { db: Db; pieceId: number; version?: number }) {
  const { db, pieceId, version } = options;
  const select = () =>
    db
      .select({ ...revisionColumns, body: schema.pieceRevisions.body })
      .from(schema.pieceRevisions)
      .leftJoin(schema.users, eq(schema.users.id, schema.pieceRevisions.authorId));
  const latest = () =>
    select()
      .where(eq(schema.pieceRevisions.pieceId, pieceId))
      .orderBy(desc(schema.pieceRevisions.version))
      .limit(1)
      .get();
  const revision =
    (version === undefined
      ? undefined
      : select()
          .where(and(eq(schema.pieceRevisions.pieceId, pieceId), eq(schema.pieceRevisions.version, version)))
          .get()) ?? latest();
  if (!revision) return null;
  const previous = db
    .select({ body: schema.pieceRevisions.body })
    .from(schema.pieceRevisions)
    .where(
      and(eq(schema.pieceRevisions.pieceId, pieceId), lt(schema.pieceRevisions.version, revision.version)),
    )
    .orderBy(desc(schema.pieceRevisions.version))
    .limit(1)
    .get();
  const { body, ...meta } = revision;
  return { ...meta, diff: diffBodies(previous?.body ?? "", body) };
}
