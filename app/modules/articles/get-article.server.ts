import { getPiece } from "../pieces/get-piece.server";
import type { Db } from "~/lib/db.server";
import { findArticleRow, listArticleChannels, type ArticleChannel } from "./article-rows.server";
import { countArticleChars } from "./article-markdown";

export interface ArticleCoverDto {
  url: string;
  format: string;
  width: number;
  height: number;
  bytes: number;
}

export type ArticleDto = NonNullable<ReturnType<typeof getPiece>> & {
  channel: ArticleChannel | null;
  cover: ArticleCoverDto | null;
  charCount: number;
};

/** The cover's address: the hash in the query lets browsers cache one cover and refetch a new one. */
export function coverUrl(pieceId: number, sha256: string): string {
  return `/api/v1/articles/${pieceId}/cover?v=${sha256.slice(0, 12)}`;
}

/** An article with its channel, rules, cover and character count; null when not an article. */
export function getArticle(options: { db: Db; pieceId: number }): ArticleDto | null {
  const piece = getPiece(options);
  if (piece?.kind !== "article") return null;
  const row = findArticleRow(options.db, piece.id);
  const channel = row?.channelId
    ? (listArticleChannels(options.db).find((c) => c.id === row.channelId) ?? null)
    : null;
  const cover =
    row?.coverSha256 && row.coverFormat
      ? {
          url: coverUrl(piece.id, row.coverSha256),
          format: row.coverFormat,
          width: row.coverWidth ?? 0,
          height: row.coverHeight ?? 0,
          bytes: row.coverBytes ?? 0,
        }
      : null;
  return { ...piece, channel, cover, charCount: countArticleChars(piece.body) };
}
