import type { CommentAnchor } from "./comment-anchor";

export interface CommentDto {
  id: number;
  anchor: CommentAnchor;
  /** The anchored text when the comment was written. */
  quote: string;
  /** False when the line was changed or removed since: the quote is what the comment was about. */
  current: boolean;
  position: number | null;
  context: string | null;
  body: string;
  author: { id: number; name: string };
  mentions: number[];
  createdAt: string;
}

export interface CommentThreadDto extends CommentDto {
  status: "open" | "resolved";
  resolvedBy: string | null;
  resolvedAt: string | null;
  replies: CommentDto[];
}

export interface PieceCommentsDto {
  pieceId: number;
  canComment: boolean;
  /** Where a new comment can point, with the text there now. */
  anchors: { anchor: CommentAnchor; kind: string; position: number; context: string | null; quote: string }[];
  threads: CommentThreadDto[];
  /**
   * Set when the list is narrowed to one chapter of a book (the chapter editor): `elsewhereOpen`
   * counts the book's open threads outside that chapter (other chapters, the book's description).
   */
  chapter?: { id: number; elsewhereOpen: number };
}
