import { asc, eq, inArray } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { Actor } from "../auth/actor";
import { anchorFromRef, anchorRef } from "./comment-anchor";
import { canComment } from "./comment-access";
import type { CommentDto, CommentThreadDto, PieceCommentsDto } from "./comment-dto";
import { listPieceAnchors } from "./piece-anchors.server";

/** A piece's comment threads in reading order of their anchors (open first), with the anchors. */
export function listComments(options: {
  db: DbOrTx;
  actor: Actor;
  pieceId: number;
  status?: "open" | "all";
}): PieceCommentsDto | null {
  const { db, pieceId } = options;
  const piece = db.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get();
  if (!piece) return null;
  const anchors = listPieceAnchors({ db, pieceId });
  const order = new Map(anchors.map((a, i) => [`${a.kind}:${a.ref}`, { i, a }]));
  const rows = db
    .select()
    .from(schema.comments)
    .where(eq(schema.comments.pieceId, pieceId))
    .orderBy(asc(schema.comments.createdAt), asc(schema.comments.id))
    .all();
  const authorIds = [...new Set(rows.flatMap((r) => [r.authorId, r.resolvedBy ?? r.authorId]))];
  const names = new Map(
    authorIds.length
      ? db
          .select({ id: schema.users.id, name: schema.users.name })
          .from(schema.users)
          .where(inArray(schema.users.id, authorIds))
          .all()
          .map((u) => [u.id, u.name])
      : [],
  );
  const toDto = (r: (typeof rows)[number]): CommentDto => {
    const now = order.get(`${r.anchorKind}:${r.anchorRef}`);
    return {
      id: r.id,
      anchor: anchorFromRef(r.anchorKind, r.anchorRef),
      quote: r.quote,
      current: now?.a.quote === r.quote,
      position: now?.a.position ?? null,
      context: now?.a.context ?? null,
      body: r.body,
      author: { id: r.authorId, name: names.get(r.authorId) ?? "" },
      mentions: r.mentions,
      createdAt: r.createdAt.toISOString(),
    };
  };
  const threads: CommentThreadDto[] = rows
    .filter((r) => r.parentId === null)
    .filter((r) => options.status !== "open" || r.status === "open")
    .map((r) => ({
      ...toDto(r),
      status: r.status === "resolved" ? "resolved" : "open",
      resolvedBy: r.resolvedBy ? (names.get(r.resolvedBy) ?? null) : null,
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      replies: rows.filter((c) => c.parentId === r.id).map(toDto),
    }));
  const rank = (t: CommentThreadDto) => order.get(`${t.anchor.kind}:${anchorRef(t.anchor)}`)?.i ?? Infinity;
  threads.sort(
    (a, b) => Number(a.status === "resolved") - Number(b.status === "resolved") || rank(a) - rank(b),
  );
  return {
    pieceId,
    canComment: canComment(options.actor, piece),
    anchors: anchors.map(({ anchor, kind, position, context, quote }) => ({
      anchor,
      kind,
      position,
      context,
      quote,
    })),
    threads,
  };
}
