import { and, asc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { Actor } from "../auth/actor";
import { userNames } from "../auth/user-names.server";
import { anchorFromRef, anchorRef } from "./comment-anchor";
import { canComment } from "./comment-access";
import type { CommentDto, CommentThreadDto, PieceCommentsDto } from "./comment-dto";
import { listPieceAnchors } from "./piece-anchors.server";

/**
 * A piece's comment threads in reading order of their anchors (open first), with the anchors.
 *
 * With `chapterId` (a chapter of this e-book or handbook) the threads and the places a new comment
 * can point at are that chapter's paragraphs only, and `chapter.elsewhereOpen` counts the book's
 * open threads everywhere else, so the chapter editor can say what it leaves out. Null when the
 * piece is missing or the chapter is not one of its chapters.
 */
export function listComments(options: {
  db: DbOrTx;
  actor: Actor;
  pieceId: number;
  status?: "open" | "all";
  chapterId?: number;
}): PieceCommentsDto | null {
  const { db, pieceId, chapterId } = options;
  const piece = db.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get();
  if (!piece) return null;
  if (chapterId !== undefined) {
    const chapter = db
      .select({ id: schema.ebookChapters.id })
      .from(schema.ebookChapters)
      .where(and(eq(schema.ebookChapters.id, chapterId), eq(schema.ebookChapters.pieceId, pieceId)))
      .get();
    if (!chapter) return null;
  }
  // Everything is in scope without a chapter; with one, only the paragraphs of that chapter.
  const inScope = (kind: string, ref: string) => {
    if (chapterId === undefined) return true;
    const anchor = anchorFromRef(kind, ref);
    return anchor.kind === "paragraph" && anchor.chapterId === chapterId;
  };
  const anchors = listPieceAnchors({ db, pieceId });
  const order = new Map(anchors.map((a, i) => [`${a.kind}:${a.ref}`, { i, a }]));
  const rows = db
    .select()
    .from(schema.comments)
    .where(eq(schema.comments.pieceId, pieceId))
    .orderBy(asc(schema.comments.createdAt), asc(schema.comments.id))
    .all();
  const names = userNames(
    db,
    rows.flatMap((r) => [r.authorId, r.resolvedBy]),
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
  const tops = rows.filter((r) => r.parentId === null);
  const threads: CommentThreadDto[] = tops
    .filter((r) => inScope(r.anchorKind, r.anchorRef))
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
    anchors: anchors
      .filter((a) => inScope(a.kind, a.ref))
      .map(({ anchor, kind, position, context, quote }) => ({ anchor, kind, position, context, quote })),
    threads,
    ...(chapterId === undefined
      ? {}
      : {
          chapter: {
            id: chapterId,
            elsewhereOpen: tops.filter((r) => r.status === "open" && !inScope(r.anchorKind, r.anchorRef))
              .length,
          },
        }),
  };
}
