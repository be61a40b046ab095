import { eq, max } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import { changeBook, type BookChangeOptions } from "./book-structure.server";

export interface AddSectionOptions extends BookChangeOptions {
  title: string;
}

/** Appends a section after the book's last one. */
export function addSection(options: AddSectionOptions): Result<{ sectionId: number }> {
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
