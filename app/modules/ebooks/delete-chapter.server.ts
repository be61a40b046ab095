import { eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { changeBook, chapterOf, type BookChangeOptions } from "./book-structure.server";

export interface DeleteChapterOptions extends BookChangeOptions {
  chapterId: number;
}

export function deleteChapter(options: DeleteChapterOptions): Result {
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
