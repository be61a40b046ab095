import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { notify } from "../notifications/notify.server";
import { anchorRef, type AddCommentInput } from "./comment-anchor";
import { canComment } from "./comment-access";
import { findMentions } from "./mentions";
import { listPieceAnchors } from "./piece-anchors.server";

/**
 * Adds a comment on one line of a piece, or a reply to a thread, and tells the people it
 * @mentions, in one transaction. The anchored text is quoted into the comment as it is now.
 */
export function addComment(options: {
  db: Db;
  actor: Actor;
  pieceId: number;
  input: AddCommentInput;
  now: Date;
}): Result<{ commentId: number; mentioned: number[] }> {
  const { db, actor, pieceId, input, now } = options;
  return db.transaction((tx) => {
    const piece = tx.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get();
    if (!piece) return fail(404, "not_found", "内容不存在。", { params: { context: "piece" } });
    if (!canComment(actor, piece))
      return fail(403, "forbidden", "只有审核人和内容负责人可以评论。", { params: { context: "comment" } });

    let place: { anchorKind: string; anchorRef: string; quote: string; parentId: number | null };
    if (input.parentId !== undefined) {
      const parent = tx.select().from(schema.comments).where(eq(schema.comments.id, input.parentId)).get();
      if (!parent || parent.pieceId !== pieceId)
        return fail(404, "not_found", "评论不存在。", { field: "parentId", params: { context: "comment" } });
      place = {
        anchorKind: parent.anchorKind,
        anchorRef: parent.anchorRef,
        quote: parent.quote,
        parentId: parent.parentId ?? parent.id,
      };
    } else {
      const ref = anchorRef(input.anchor!);
      const found = listPieceAnchors({ db: tx, pieceId }).find(
        (a) => a.kind === input.anchor!.kind && a.ref === ref,
      );
      if (!found)
        return fail(400, "unknown_anchor", "评论指向的行、段落或直播段落不存在（可能已被修改）。", "anchor");
      place = { anchorKind: found.kind, anchorRef: found.ref, quote: found.quote, parentId: null };
    }

    const people = tx
      .select({ id: schema.users.id, name: schema.users.name })
      .from(schema.users)
      .where(eq(schema.users.disabled, false))
      .all();
    const mentions = findMentions(input.body, people);
    const row = tx
      .insert(schema.comments)
      .values({
        pieceId,
        ...place,
        body: input.body,
        authorId: actor.id,
        mentions,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: schema.comments.id })
      .get();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "comment.create",
      entity: "piece",
      entityId: pieceId,
      after: {
        commentId: row.id,
        anchor: `${place.anchorKind}:${place.anchorRef}`,
        parentId: place.parentId,
        mentions,
      },
      at: now,
    });
    if (mentions.length)
      notify({
        db: tx,
        now,
        event: {
          type: "mentioned",
          pieceId,
          commentId: row.id,
          userIds: mentions,
          actor,
          excerpt: input.body,
        },
      });
    return { ok: true as const, commentId: row.id, mentioned: mentions };
  });
}
