import { eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { changeBook, nextPosition, sectionOf, type BookChangeOptions } from "./book-structure.server";

export interface AddChapterOptions extends BookChangeOptions {
  sectionId: number;
  title: string;
}

/** Appends an empty chapter after the section's last one. */
export function addChapter(options: AddChapterOptions): Result<{ chapterId: number }> {
  return changeBook(options, "ebook.chapter.add", `新增了章节「${options.title}」`, (tx) => {
    const section = sectionOf(tx, options.pieceId, options.sectionId);
    if (!section)
      return fail(404, "not_found", "分部不存在。", { field: "sectionId", params: { context: "section" } });
    const position = nextPosition(tx, schema.ebookChapters, eq(schema.ebookChapters.sectionId, section.id));
    const row = tx
      .insert(schema.ebookChapters)
      .values({
        pieceId: options.pieceId,
        sectionId: section.id,
        title: options.title,
        markdown: "",
        position,
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
