import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { canComment } from "./comment-access";

/**
 * Resolves a thread (or reopens it). A reply stands for its thread. Reviewers and the piece's
 * owner may; setting the state it already has changes nothing.
 */
export function resolveComment(options: {
  db: Db;
  actor: Actor;
  commentId: number;
  resolved: boolean;
  now: Date;
}): Result<{ threadId: number; pieceId: number; status: "open" | "resolved" }> {
  const { db, actor, now } = options;
  return db.transaction((tx) => {
    const found = tx.select().from(schema.comments).where(eq(schema.comments.id, options.commentId)).get();
    const thread =
      found?.parentId != null
        ? tx.select().from(schema.comments).where(eq(schema.comments.id, found.parentId)).get()
        : found;
    if (!thread) return fail(404, "not_found", "评论不存在。", { params: { context: "comment" } });
    const piece = tx.select().from(schema.pieces).where(eq(schema.pieces.id, thread.pieceId)).get()!;
    if (!canComment(actor, piece))
      return fail(403, "forbidden", "只有审核人和内容负责人可以评论。", { params: { context: "comment" } });
    const status = options.resolved ? "resolved" : "open";
    const done = { ok: true as const, threadId: thread.id, pieceId: piece.id, status } as const;
    if (thread.status === status) return done;
    tx.update(schema.comments)
      .set({
        status,
        resolvedBy: options.resolved ? actor.id : null,
        resolvedAt: options.resolved ? now : null,
        updatedAt: now,
      })
      .where(eq(schema.comments.id, thread.id))
      .run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: options.resolved ? "comment.resolve" : "comment.reopen",
      entity: "piece",
      entityId: piece.id,
      before: { commentId: thread.id, status: thread.status },
      after: { commentId: thread.id, status },
      at: now,
    });
    return done;
  });
}
