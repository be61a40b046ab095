import { eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import {
  changeBook,
  orderedIds,
  sameMembers,
  sectionOf,
  writeOrder,
  type BookChangeOptions,
} from "./book-structure.server";

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
    const current = orderedIds(tx, schema.ebookChapters, eq(schema.ebookChapters.sectionId, section.id));
    if (!sameMembers(current, options.chapterIds))
      return fail(409, "stale_order", "章节列表已变化，请刷新页面后再调整顺序。", {
        field: "chapterIds",
        params: { context: "chapters" },
      });
    writeOrder(tx, schema.ebookChapters, options.chapterIds);
    return {
      ok: true,
      audit: { before: { sectionId: section.id, order: current }, after: { order: options.chapterIds } },
    };
  });
}
