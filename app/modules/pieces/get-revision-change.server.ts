import { and, desc, eq, lt } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { revisionColumns } from "./revision-columns.server";
import { diffBodies } from "./text-diff";

export interface GetRevisionChangeOptions {
  db: Db;
  pieceId: number;
  version?: number;
}

/**
 * One revision (the given version, or the latest when it is absent or unknown) with its change
 * from the revision before it. Only these two bodies are read and only this one pair is diffed.
 */
export function getRevisionChange(options: GetRevisionChangeOptions) {
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
