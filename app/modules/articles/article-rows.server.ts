/** Reads the article use cases share: channels that take articles, their rules, an article's row. */
import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { fail, type Failure } from "~/lib/result";
import type { ArticleRule } from "./article-rules";

export interface ArticleChannel {
  id: number;
  key: string;
  name: string;
  minChars: number | null;
  testimonialRequired: boolean;
}

/** Channels that take articles (the calendar's `kinds`), each with its long-form rules if any. */
export function listArticleChannels(db: DbOrTx): ArticleChannel[] {
  return db
    .select({
      id: schema.channels.id,
      key: schema.channels.key,
      name: schema.channels.name,
      kinds: schema.channels.kinds,
      minChars: schema.channelArticleRules.minChars,
      testimonialRequired: schema.channelArticleRules.testimonialRequired,
    })
    .from(schema.channels)
    .leftJoin(schema.channelArticleRules, eq(schema.channelArticleRules.channelId, schema.channels.id))
    .orderBy(schema.channels.id)
    .all()
    .filter((c) => c.kinds.includes("article"))
    .map(({ kinds: _kinds, ...c }) => ({ ...c, testimonialRequired: c.testimonialRequired ?? false }));
}

export function articleRuleOf(channel: ArticleChannel | null | undefined): ArticleRule | null {
  return channel
    ? {
        channelName: channel.name,
        minChars: channel.minChars,
        testimonialRequired: channel.testimonialRequired,
      }
    : null;
}

/** The channel an article names by key, or a refusal naming the field (unknown, or takes no articles). */
export function resolveArticleChannel(
  db: DbOrTx,
  key: string | undefined,
): { ok: true; channel: ArticleChannel | null } | Failure {
  if (!key) return { ok: true, channel: null };
  const channel = listArticleChannels(db).find((c) => c.key === key);
  if (channel) return { ok: true, channel };
  return fail(400, "unknown_channel", `渠道「${key}」不存在或不接受文章。`, {
    field: "channel",
    params: { context: "article", key },
  });
}

export function findArticleRow(db: DbOrTx, pieceId: number) {
  return db.select().from(schema.articles).where(eq(schema.articles.pieceId, pieceId)).get() ?? null;
}

/** The channel an article is written for, with its rules; null when none is chosen. */
export function articleChannelOf(db: DbOrTx, pieceId: number): ArticleChannel | null {
  const row = findArticleRow(db, pieceId);
  if (!row?.channelId) return null;
  return listArticleChannels(db).find((c) => c.id === row.channelId) ?? null;
}
