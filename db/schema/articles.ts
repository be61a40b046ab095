import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { requiredRef, serialId, timestamps } from "./shared-columns";
import { channels } from "./catalog";
import { pieces } from "./pieces";

/**
 * An article's own detail, keyed by its piece (the body is the piece's body): the channel it is
 * written for, whose rules are checked before review, and its cover image.
 */
export const articles = sqliteTable("articles", {
  pieceId: integer("piece_id")
    .primaryKey()
    .references(() => pieces.id),
  /** The channel the article is written for; null until chosen (no channel rules apply then). */
  channelId: integer("channel_id").references(() => channels.id),
  /** png | jpeg, sniffed from the bytes; the file lives under DATA_DIR by piece id and hash. */
  coverFormat: text("cover_format"),
  coverWidth: integer("cover_width"),
  coverHeight: integer("cover_height"),
  coverBytes: integer("cover_bytes"),
  coverSha256: text("cover_sha256"),
  ...timestamps(),
});

/**
 * Long-form rules of a channel, beside its caption limits and cadence rules: the shortest body it
 * takes (in characters as the platform counts them) and whether an owner testimonial is required.
 * One row per channel at most; a channel without a row has no long-form rules.
 */
export const channelArticleRules = sqliteTable(
  "channel_article_rules",
  {
    id: serialId(),
    channelId: requiredRef("channel_id", () => channels.id),
    /** Fewest body characters (see docs/articles.md for how they are counted); null for none. */
    minChars: integer("min_chars"),
    testimonialRequired: integer("testimonial_required", { mode: "boolean" }).notNull().default(false),
    ...timestamps(),
  },
  (t) => [uniqueIndex("channel_article_rules_channel_idx").on(t.channelId)],
);
