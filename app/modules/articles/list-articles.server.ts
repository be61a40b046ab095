import { and, desc, eq, type SQL } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { pieceDtoColumns, toPieceDto } from "../pieces/piece-rows.server";
import { countArticleChars } from "./article-markdown";
import type { ListArticlesQuery } from "./schemas";

/** Articles, newest first, with their channel and character count (the body is left out). */
export function listArticles(options: { db: Db; query: ListArticlesQuery }) {
  const { db, query } = options;
  const where: SQL[] = [eq(schema.pieces.kind, "article")];
  if (query.channel) where.push(eq(schema.channels.key, query.channel));
  const rows = db
    .select({
      ...pieceDtoColumns,
      body: schema.pieces.body,
      channelKey: schema.channels.key,
      channelName: schema.channels.name,
    })
    .from(schema.pieces)
    .leftJoin(schema.users, eq(schema.users.id, schema.pieces.ownerId))
    .leftJoin(schema.campaigns, eq(schema.campaigns.id, schema.pieces.campaignId))
    .leftJoin(schema.articles, eq(schema.articles.pieceId, schema.pieces.id))
    .leftJoin(schema.channels, eq(schema.channels.id, schema.articles.channelId))
    .where(and(...where))
    .orderBy(desc(schema.pieces.updatedAt), desc(schema.pieces.id))
    .all();
  // A year holds a few hundred articles: counted and paged here rather than with a second query.
  const page = rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const items = page.map(({ body, channelKey, channelName, ...row }) => ({
    ...toPieceDto(row),
    channel: channelKey ? { key: channelKey, name: channelName ?? channelKey } : null,
    charCount: countArticleChars(body),
  }));
  return { items, total: rows.length };
}
