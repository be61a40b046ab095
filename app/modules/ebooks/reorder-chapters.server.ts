import { asc, eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { changeBook, sameMembers, sectionOf, type BookChangeOptions } from "./book-structure.server";

export interface ReorderChaptersOptions extends BookChangeOptions {
  sectionId: number;
  chapterIds: number[];
}

/** The new order must name exactly the section's chapters, each once. */
export function reorderChapters(options: ReorderChaptersOptions): Result {
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
