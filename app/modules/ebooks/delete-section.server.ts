import { eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { changeBook, sectionOf, type BookChangeOptions } from "./book-structure.server";

export interface DeleteSectionOptions extends BookChangeOptions {
  sectionId: number;
}

export function deleteSection(options: DeleteSectionOptions): Result {
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
