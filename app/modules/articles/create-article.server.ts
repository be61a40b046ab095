import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { insertPiece } from "../pieces/create-piece.server";
import { resolveArticleChannel } from "./article-rows.server";
import type { CreateArticleInput } from "./schemas";

/** A new article: a piece of kind article plus its own row naming the channel it is written for. */
export function createArticle(options: {
  db: Db;
  actor: Actor;
  input: CreateArticleInput;
  now: Date;
}): Result<{ pieceId: number }> {
  const { db, actor, input, now } = options;
  if (!can(actor.roles, "pieces.create"))
    return fail(403, "forbidden", "你的角色不能创建内容。", { params: { context: "createPiece" } });
  const resolved = resolveArticleChannel(db, input.channel);
  if (!resolved.ok) return resolved;
  const channelId = resolved.channel?.id ?? null;
  const pieceId = db.transaction((tx) => {
    const id = insertPiece(tx, { actor, input: { ...input, kind: "article" }, now });
    tx.insert(schema.articles).values({ pieceId: id, channelId, createdAt: now, updatedAt: now }).run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "article.create",
      entity: "piece",
      entityId: id,
      after: { channel: resolved.channel?.key ?? null },
      at: now,
    });
    return id;
  });
  return { ok: true, pieceId };
}
