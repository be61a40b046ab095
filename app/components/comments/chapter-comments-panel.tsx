import { useFetcher } from "@remix-run/react";
import type { PieceCommentsDto } from "~/modules/comments/comment-dto";
import { CommentsCard } from "./comments-panel";

/**
 * The chapter editor's comments: only the open chapter's paragraphs, and a line with how many open
 * comments the rest of the book holds. The first list comes with the page (`comments`); after a
 * post the panel reloads the page's loader through a fetcher (`pageUrl`), which leaves the page's
 * own data alone, so the chapter version the save form carries stays the one being edited.
 */
export function ChapterCommentsPanel({ comments, pageUrl }: { comments: PieceCommentsDto; pageUrl: string }) {
  const reload = useFetcher<{ comments: PieceCommentsDto }>();
  const fresh = reload.data?.comments;
  // A reload answered for another chapter (the editor moved on) is not this chapter's list.
  const data =
    fresh && fresh.pieceId === comments.pieceId && fresh.chapter?.id === comments.chapter?.id
      ? fresh
      : comments;
  return <CommentsCard data={data} onChanged={() => reload.load(pageUrl)} />;
}
