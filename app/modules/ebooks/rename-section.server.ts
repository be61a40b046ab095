import { eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { changeBook, sectionOf, type BookChangeOptions } from "./book-structure.server";

export interface RenameSectionOptions extends BookChangeOptions {
  sectionId: number;
  title: string;
}

export function renameSection(options: RenameSectionOptions): Result {
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
