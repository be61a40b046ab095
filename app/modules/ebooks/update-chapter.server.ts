import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { editableBook } from "./book-access.server";
import { chapterOf, nextPosition, sectionOf } from "./book-structure.server";
import { recordBookChange } from "./record-book-change.server";
import type { UpdateChapterInput } from "./schemas";

/**
 * Saves a chapter (title, section, Markdown). A work-in-progress chapter may be saved with problems
 * (the editor lists them); the build refuses them. Saves name the version they edited.
 */
export function updateChapter(options: {
  db: Db;
  actor: Actor;
  pieceId: number;
  chapterId: number;
  input: UpdateChapterInput;
  now: Date;
}): Result<{ version: number; voided: number }> {
  const { db, actor, input, now, pieceId } = options;
  const access = editableBook(db, pieceId, actor);
  if (!access.ok) return access;
  const chapter = chapterOf(db, pieceId, options.chapterId);
  if (!chapter) return fail(404, "not_found", "章节不存在。", { params: { context: "chapter" } });
  if (!sectionOf(db, pieceId, input.sectionId))
    return fail(400, "unknown_section", "请选择本书的一个分部。", "sectionId");
  if (chapter.version !== input.version) {
    return fail(
      409,
      "stale",
      `这个章节已被他人修改（你编辑的是第 ${input.version} 版，当前是第 ${chapter.version} 版）。请复制你的修改，刷新后再保存。`,
      { params: { context: "chapter", yours: input.version, current: chapter.version } },
    );
  }
  const unchanged =
    chapter.title === input.title &&
    chapter.markdown === input.markdown &&
    chapter.sectionId === input.sectionId;
  if (unchanged) return { ok: true, version: chapter.version, voided: 0 };
  return db.transaction((tx) => {
    const version = chapter.version + 1;
    const moved = chapter.sectionId !== input.sectionId;
    const position = moved
      ? nextPosition(tx, schema.ebookChapters, eq(schema.ebookChapters.sectionId, input.sectionId))
      : chapter.position;
    const changed = tx
      .update(schema.ebookChapters)
      .set({
        title: input.title,
        markdown: input.markdown,
        sectionId: input.sectionId,
        position,
        version,
        updatedAt: now,
      })
      .where(and(eq(schema.ebookChapters.id, chapter.id), eq(schema.ebookChapters.version, input.version)))
      .run().changes;
    if (changed !== 1)
      return fail(409, "stale", "这个章节刚被他人修改，请刷新后再保存。", {
        params: { context: "chapterRace" },
      });
    const voided = recordBookChange(tx, {
      pieceId,
      actor,
      now,
      action: "ebook.chapter.update",
      before: {
        chapterId: chapter.id,
        title: chapter.title,
        sectionId: chapter.sectionId,
        chars: chapter.markdown.length,
        version: chapter.version,
      },
      after: {
        chapterId: chapter.id,
        title: input.title,
        sectionId: input.sectionId,
        chars: input.markdown.length,
        version,
      },
      voidReason: `修改了章节「${input.title}」`,
    });
    return { ok: true as const, version, voided: voided.length };
  });
}
