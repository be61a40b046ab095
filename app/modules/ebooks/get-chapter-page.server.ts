import type { Db } from "~/lib/db.server";
import type { Actor } from "../auth/actor";
import { mayEditBook } from "./book-access.server";
import { loadBookContent } from "./load-book-content.server";

/** The chapter editor's data: the chapter, the book's sections and images, and whether this actor may save. */
export function getChapterPage(options: { db: Db; pieceId: number; chapterId: number; actor: Actor }) {
  const { db, pieceId, chapterId, actor } = options;
  const content = loadBookContent({ db, pieceId });
  if (!content) return null;
  const chapter = content.sections.flatMap((s) => s.chapters).find((c) => c.id === chapterId);
  if (!chapter) return null;
  return {
    book: { id: content.piece.id, title: content.piece.title, kind: content.piece.kind },
    chapter: {
      id: chapter.id,
      title: chapter.title,
      markdown: chapter.markdown,
      sectionId: chapter.sectionId,
      version: chapter.version,
      updatedAt: chapter.updatedAt.toISOString(),
    },
    sections: content.sections.map((s) => ({ id: s.id, title: s.title })),
    images: content.images.map((i) => ({ name: i.name, url: `/api/v1/ebooks/${pieceId}/images/${i.id}` })),
    canEdit: mayEditBook(content.piece, actor),
  };
}
