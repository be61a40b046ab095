import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { updatePiece } from "../pieces/update-piece.server";
import { findArticleRow, resolveArticleChannel } from "./article-rows.server";
import type { UpdateArticleInput } from "./schemas";

/**
 * Saves an article: the piece's text through the pieces' own save (version check, revision,
 * audit), then the channel if it changed. The channel is checked before anything is written, so
 * a refused channel leaves the text unsaved too.
 */
export function updateArticle(options: {
  db: Db;
  actor: Actor;
  pieceId: number;
  input: UpdateArticleInput;
  now: Date;
}): Result<{ version: number }> {
  const { db, actor, pieceId, input, now } = options;
  const piece = db
    .select({ kind: schema.pieces.kind })
    .from(schema.pieces)
    .where(eq(schema.pieces.id, pieceId))
    .get();
  if (piece?.kind !== "article")
    return fail(404, "not_found", "文章不存在。", { params: { context: "article" } });
  const resolved = resolveArticleChannel(db, input.channel);
  if (!resolved.ok) return resolved;
  const saved = updatePiece({ db, actor, pieceId, input, now });
  if (!saved.ok) return saved;
  const channelId = resolved.channel?.id ?? null;
  const before = findArticleRow(db, pieceId);
  if (before && before.channelId === channelId) return saved;
  db.transaction((tx) => {
    if (before)
      tx.update(schema.articles)
        .set({ channelId, updatedAt: now })
        .where(eq(schema.articles.pieceId, pieceId))
        .run();
    // An article made as a plain piece gets its row on its first save here.
    else tx.insert(schema.articles).values({ pieceId, channelId, createdAt: now, updatedAt: now }).run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "article.channel",
      entity: "piece",
      entityId: pieceId,
      before: { channelId: before?.channelId ?? null },
      after: { channel: resolved.channel?.key ?? null },
      at: now,
    });
  });
  return saved;
}
