import { eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import {
  changeBook,
  orderedIds,
  sameMembers,
  writeOrder,
  type BookChangeOptions,
} from "./book-structure.server";

export interface ReorderSectionsOptions extends BookChangeOptions {
  sectionIds: number[];
}

/** The new order must name exactly the book's sections, each once. */
export function reorderSections(options: ReorderSectionsOptions): Result {
  return changeBook(options, "ebook.section.reorder", "调整了分部顺序", (tx) => {
    const current = orderedIds(tx, schema.ebookSections, eq(schema.ebookSections.pieceId, options.pieceId));
    if (!sameMembers(current, options.sectionIds))
      return fail(409, "stale_order", "分部列表已变化，请刷新页面后再调整顺序。", {
        field: "sectionIds",
        params: { context: "sections" },
      });
    writeOrder(tx, schema.ebookSections, options.sectionIds);
    return { ok: true, audit: { before: { order: current }, after: { order: options.sectionIds } } };
  });
}
