import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { editableBook } from "./book-access.server";
import { bookDetailValues } from "./book-rows.server";
import type { UpdateBookInput } from "./schemas";
import { recordRevision } from "../pieces/record-revision.server";
import { voidSignoffs } from "./void-signoffs.server";

/**
 * Saves the book's metadata. The title also lives on the piece (with a revision, like any piece
 * edit). A change to anything printed voids the external sign-off; the page target does not.
 */
export function updateBook(options: {
  db: Db;
  actor: Actor;
  pieceId: number;
  input: UpdateBookInput;
  now: Date;
}): Result<{ version: number; voided: number }> {
  const { db, actor, input, now } = options;
  const access = editableBook(db, options.pieceId, actor);
  if (!access.ok) return access;
  const { piece, meta } = access;
  if (meta.version !== input.version) {
    return fail(
      409,
      "stale",
      `书的信息已被他人修改（你编辑的是第 ${input.version} 版，当前是第 ${meta.version} 版）。请刷新后再改，你的修改尚未保存。`,
      { params: { context: "book", yours: input.version, current: meta.version } },
    );
  }
  const printedBefore = {
    title: piece.title,
    subtitle: meta.subtitle,
    author: meta.author,
    description: meta.description,
    keywords: meta.keywords,
    trim: meta.trim,
  };
  const printedAfter = {
    title: input.title,
    subtitle: input.subtitle,
    author: input.author,
    description: input.description,
    keywords: input.keywords,
    trim: input.trim,
  };
  const changedFields = (Object.keys(printedAfter) as Array<keyof typeof printedAfter>).filter(
    (k) => JSON.stringify(printedBefore[k]) !== JSON.stringify(printedAfter[k]),
  );
  return db.transaction((tx) => {
    const version = meta.version + 1;
    const changed = tx
      .update(schema.ebooks)
      .set({
        ...bookDetailValues(input),
        version,
        updatedAt: now,
      })
      .where(and(eq(schema.ebooks.pieceId, piece.id), eq(schema.ebooks.version, input.version)))
      .run().changes;
    if (changed !== 1)
      return fail(409, "stale", "书的信息刚被他人修改，请刷新后再改。", { params: { context: "bookRace" } });
    const pieceVersion = piece.version + 1;
    tx.update(schema.pieces)
      .set({ title: input.title, body: input.description, version: pieceVersion, updatedAt: now })
      .where(eq(schema.pieces.id, piece.id))
      .run();
    recordRevision(tx, {
      pieceId: piece.id,
      version: pieceVersion,
      title: input.title,
      body: input.description,
      actor,
      now,
    });
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "ebook.update",
      entity: "piece",
      entityId: piece.id,
      before: { ...printedBefore, targetPages: meta.targetPages, version: meta.version },
      after: { ...printedAfter, targetPages: input.targetPages, version },
      at: now,
    });
    const voided = changedFields.length
      ? voidSignoffs(tx, {
          pieceId: piece.id,
          reason: `修改了书的信息（${changedFields.map(fieldLabel).join("、")}）`,
          actor,
          now,
        })
      : [];
    return { ok: true as const, version, voided: voided.length };
  });
}

function fieldLabel(field: string): string {
  return (
    (
      {
        title: "书名",
        subtitle: "副标题",
        author: "作者",
        description: "简介",
        keywords: "关键词",
        trim: "开本",
      } as Record<string, string>
    )[field] ?? field
  );
}
