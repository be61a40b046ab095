import { eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import { changeBook, nextPosition, type BookChangeOptions } from "./book-structure.server";

export interface AddSectionOptions extends BookChangeOptions {
  title: string;
}

/** Appends a section after the book's last one. */
export function addSection(options: AddSectionOptions): Result<{ sectionId: number }> {
  return changeBook(options, "ebook.section.add", `新增了分部「${options.title}」`, (tx) => {
    const position = nextPosition(
      tx,
      schema.ebookSections,
      eq(schema.ebookSections.pieceId, options.pieceId),
    );
    const row = tx
      .insert(schema.ebookSections)
      .values({ pieceId: options.pieceId, title: options.title, position })
      .returning({ id: schema.ebookSections.id })
      .get();
    return { ok: true, sectionId: row.id, audit: { after: { sectionId: row.id, title: options.title } } };
  });
}
