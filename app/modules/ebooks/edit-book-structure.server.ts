/**
 * Sections and chapters: add, rename, delete and reorder. Each call is one transaction with its
 * audit entry; anything that changes the printed book voids the external sign-off.
 */
import { and, asc, eq, max } from "drizzle-orm";
import { schema, type Db, type Tx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { editableBook } from "./book-access.server";
import { touchPiece } from "./touch-piece.server";
import { voidSignoffs } from "./void-signoffs.server";

interface Base {
  db: Db;
  actor: Actor;
  pieceId: number;
  now: Date;
}

/** Runs a content change on an editable book: access check, transaction, audit, sign-off void. */
function changeBook<T extends object>(
  options: Base,
  action: string,
  reason: string,
  body: (tx: Tx) => Result<T & { audit?: { before?: unknown; after?: unknown } }>,
): Result<T> {
  const access = editableBook(options.db, options.pieceId, options.actor);
  if (!access.ok) return access;
  return options.db.transaction((tx) => {
    const result = body(tx);
    if (!result.ok) return result;
    const { audit, ...rest } = result;
    recordAudit(tx, {
      actor: auditActor(options.actor),
      action,
      entity: "piece",
      entityId: options.pieceId,
      before: audit?.before,
      after: audit?.after,
      at: options.now,
    });
    touchPiece(tx, { pieceId: options.pieceId, now: options.now });
    voidSignoffs(tx, { pieceId: options.pieceId, reason, actor: options.actor, now: options.now });
    return rest as unknown as Result<T>;
  });
}

function sectionOf(tx: Tx, pieceId: number, sectionId: number) {
  return tx
    .select()
    .from(schema.ebookSections)
    .where(and(eq(schema.ebookSections.id, sectionId), eq(schema.ebookSections.pieceId, pieceId)))
    .get();
}

function chapterOf(tx: Tx, pieceId: number, chapterId: number) {
  return tx
    .select()
    .from(schema.ebookChapters)
    .where(and(eq(schema.ebookChapters.id, chapterId), eq(schema.ebookChapters.pieceId, pieceId)))
    .get();
}

export function addSection(options: Base & { title: string }): Result<{ sectionId: number }> {
  return changeBook(options, "ebook.section.add", `新增了分部「${options.title}」`, (tx) => {
    const last =
      tx
        .select({ p: max(schema.ebookSections.position) })
        .from(schema.ebookSections)
        .where(eq(schema.ebookSections.pieceId, options.pieceId))
        .get()?.p ?? 0;
    const row = tx
      .insert(schema.ebookSections)
      .values({ pieceId: options.pieceId, title: options.title, position: last + 1 })
      .returning({ id: schema.ebookSections.id })
      .get();
    return { ok: true, sectionId: row.id, audit: { after: { sectionId: row.id, title: options.title } } };
  });
}

export function renameSection(options: Base & { sectionId: number; title: string }): Result {
  return changeBook(options, "ebook.section.rename", `修改了分部标题「${options.title}」`, (tx) => {
    const section = sectionOf(tx, options.pieceId, options.sectionId);
    if (!section)
      return fail(404, "not_found", "分部不存在。", { field: "sectionId", params: { context: "section" } });
    tx.update(schema.ebookSections)
      .set({ title: options.title })
      .where(eq(schema.ebookSections.id, section.id))
      .run();
    return { ok: true, audit: { before: { title: section.title }, after: { title: options.title } } };
  });
}

export function deleteSection(options: Base & { sectionId: number }): Result {
  return changeBook(options, "ebook.section.delete", "删除了一个分部", (tx) => {
    const section = sectionOf(tx, options.pieceId, options.sectionId);
    if (!section)
      return fail(404, "not_found", "分部不存在。", { field: "sectionId", params: { context: "section" } });
    const chapters = tx
      .select({ id: schema.ebookChapters.id })
      .from(schema.ebookChapters)
      .where(eq(schema.ebookChapters.sectionId, section.id))
      .all();
    // Nothing already written is lost by accident: a section with chapters must be emptied first.
    if (chapters.length)
      return fail(
        409,
        "section_not_empty",
        `分部「${section.title}」里还有 ${chapters.length} 个章节，请先移走或删除章节。`,
        { field: "sectionId", params: { title: section.title, count: chapters.length } },
      );
    tx.delete(schema.ebookSections).where(eq(schema.ebookSections.id, section.id)).run();
    return { ok: true, audit: { before: { sectionId: section.id, title: section.title } } };
  });
}

export function addChapter(
  options: Base & { sectionId: number; title: string },
): Result<{ chapterId: number }> {
  return changeBook(options, "ebook.chapter.add", `新增了章节「${options.title}」`, (tx) => {
    const section = sectionOf(tx, options.pieceId, options.sectionId);
    if (!section)
      return fail(404, "not_found", "分部不存在。", { field: "sectionId", params: { context: "section" } });
    const last =
      tx
        .select({ p: max(schema.ebookChapters.position) })
        .from(schema.ebookChapters)
        .where(eq(schema.ebookChapters.sectionId, section.id))
        .get()?.p ?? 0;
    const row = tx
      .insert(schema.ebookChapters)
      .values({
        pieceId: options.pieceId,
        sectionId: section.id,
        title: options.title,
        markdown: "",
        position: last + 1,
        version: 1,
        updatedAt: options.now,
      })
      .returning({ id: schema.ebookChapters.id })
      .get();
    return {
      ok: true,
      chapterId: row.id,
      audit: { after: { chapterId: row.id, sectionId: section.id, title: options.title } },
    };
  });
}

export function deleteChapter(options: Base & { chapterId: number }): Result {
  return changeBook(options, "ebook.chapter.delete", "删除了一个章节", (tx) => {
    const chapter = chapterOf(tx, options.pieceId, options.chapterId);
    if (!chapter)
      return fail(404, "not_found", "章节不存在。", { field: "chapterId", params: { context: "chapter" } });
    tx.delete(schema.ebookChapters).where(eq(schema.ebookChapters.id, chapter.id)).run();
    // The audit keeps the deleted text, so a deletion can be undone by hand.
    return {
      ok: true,
      audit: { before: { chapterId: chapter.id, title: chapter.title, markdown: chapter.markdown } },
    };
  });
}

/** The new order must name exactly the section's chapters, each once. */
export function reorderChapters(options: Base & { sectionId: number; chapterIds: number[] }): Result {
  return changeBook(options, "ebook.chapter.reorder", "调整了章节顺序", (tx) => {
    const section = sectionOf(tx, options.pieceId, options.sectionId);
    if (!section)
      return fail(404, "not_found", "分部不存在。", { field: "sectionId", params: { context: "section" } });
    const current = tx
      .select({ id: schema.ebookChapters.id })
      .from(schema.ebookChapters)
      .where(eq(schema.ebookChapters.sectionId, section.id))
      .orderBy(asc(schema.ebookChapters.position), asc(schema.ebookChapters.id))
      .all()
      .map((r) => r.id);
    if (!sameMembers(current, options.chapterIds))
      return fail(409, "stale_order", "章节列表已变化，请刷新页面后再调整顺序。", {
        field: "chapterIds",
        params: { context: "chapters" },
      });
    options.chapterIds.forEach((id, i) =>
      tx
        .update(schema.ebookChapters)
        .set({ position: i + 1 })
        .where(eq(schema.ebookChapters.id, id))
        .run(),
    );
    return {
      ok: true,
      audit: { before: { sectionId: section.id, order: current }, after: { order: options.chapterIds } },
    };
  });
}

export function reorderSections(options: Base & { sectionIds: number[] }): Result {
  return changeBook(options, "ebook.section.reorder", "调整了分部顺序", (tx) => {
    const current = tx
      .select({ id: schema.ebookSections.id })
      .from(schema.ebookSections)
      .where(eq(schema.ebookSections.pieceId, options.pieceId))
      .orderBy(asc(schema.ebookSections.position), asc(schema.ebookSections.id))
      .all()
      .map((r) => r.id);
    if (!sameMembers(current, options.sectionIds))
      return fail(409, "stale_order", "分部列表已变化，请刷新页面后再调整顺序。", {
        field: "sectionIds",
        params: { context: "sections" },
      });
    options.sectionIds.forEach((id, i) =>
      tx
        .update(schema.ebookSections)
        .set({ position: i + 1 })
        .where(eq(schema.ebookSections.id, id))
        .run(),
    );
    return { ok: true, audit: { before: { order: current }, after: { order: options.sectionIds } } };
  });
}

function sameMembers(a: number[], b: number[]): boolean {
  if (a.length !== b.length || new Set(b).size !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
