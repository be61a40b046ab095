import { asc, eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { changeBook, sameMembers, type BookChangeOptions } from "./book-structure.server";

export interface ReorderSectionsOptions extends BookChangeOptions {
  sectionIds: number[];
}

/** The new order must name exactly the book's sections, each once. */
export function reorderSections(options: ReorderSectionsOptions): Result {
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
