import type { Db } from "~/lib/db.server";
import type { Actor } from "../auth/actor";
import { mayEditBook } from "./book-access.server";
import { loadBookContent } from "./load-book-content.server";

/**
 * The chapter editor's data: the chapter, its neighbours in reading order, the book's sections and
 * images, and whether this actor may save.
 */
export function getChapterPage(options: { db: Db; pieceId: number; chapterId: number; actor: Actor }) {
  const { db, pieceId, chapterId, actor } = options;
  const content = loadBookContent({ db, pieceId });
  if (!content) return null;
  // The chapters in reading order: sections in order, each section's chapters in order.
  const chapters = content.sections.flatMap((s) => s.chapters);
  const at = chapters.findIndex((c) => c.id === chapterId);
  const chapter = chapters[at];
  if (!chapter) return null;
  const neighbour = (index: number) => {
    const other = chapters[index];
    return other ? { id: other.id, title: other.title } : null;
  };
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
    /** The chapters before and after this one in reading order, for moving straight on. */
    previous: neighbour(at - 1),
    next: neighbour(at + 1),
    canEdit: mayEditBook(content.piece, actor),
  };
}
