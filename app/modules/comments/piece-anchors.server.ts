import { asc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { loadShow } from "../livestream/show-rows.server";
import { anchorFromRef, type AnchorKind, type CommentAnchor } from "./comment-anchor";

/** One place of a piece a comment can point at, with the text there now. */
export interface AnchorOption {
  kind: AnchorKind;
  ref: string;
  anchor: CommentAnchor;
  /** 1-based position for people ("line 3", "paragraph 2"). */
  position: number;
  /** The chapter's or block's title, when the place has one. */
  context: string | null;
  quote: string;
}

const QUOTE_MAX = 200;
const quoteOf = (text: string) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > QUOTE_MAX ? `${flat.slice(0, QUOTE_MAX - 1)}…` : flat;
};

/** Paragraphs of a chapter's Markdown: blocks of text between blank lines. */
export function chapterParagraphs(markdown: string): string[] {
  return markdown
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function option(
  kind: AnchorKind,
  ref: string,
  position: number,
  context: string | null,
  text: string,
): AnchorOption {
  return { kind, ref, anchor: anchorFromRef(kind, ref), position, context, quote: quoteOf(text) };
}

/** Every place of the piece a comment can point at, in reading order. */
export function listPieceAnchors(options: { db: DbOrTx; pieceId: number }): AnchorOption[] {
  const { db, pieceId } = options;
  const piece = db.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get();
  if (!piece) return [];
  const out: AnchorOption[] = [];
  if (piece.kind === "episode") {
    const lines = db
      .select()
      .from(schema.episodeScriptLines)
      .where(eq(schema.episodeScriptLines.pieceId, pieceId))
      .orderBy(asc(schema.episodeScriptLines.position))
      .all();
    lines.forEach((line, i) => out.push(option("script_line", String(line.id), i + 1, null, line.voiceover)));
  }
  if (piece.kind === "livestream") {
    const seen = new Set<string>();
    for (const block of loadShow(db, pieceId)?.blocks ?? []) {
      if (seen.has(block.source)) continue;
      seen.add(block.source);
      out.push(option("block", block.id, seen.size, block.title, block.text));
    }
  }
  if (piece.kind === "ebook" || piece.kind === "handbook") {
    const chapters = db
      .select()
      .from(schema.ebookChapters)
      .where(eq(schema.ebookChapters.pieceId, pieceId))
      .orderBy(asc(schema.ebookChapters.sectionId), asc(schema.ebookChapters.position))
      .all();
    for (const chapter of chapters)
      chapterParagraphs(chapter.markdown).forEach((text, i) =>
        out.push(option("paragraph", `${chapter.id}:${i}`, i + 1, chapter.title, text)),
      );
  }
  piece.body
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .forEach((line, i) => out.push(option("body_line", String(i), i + 1, null, line)));
  return out;
}
