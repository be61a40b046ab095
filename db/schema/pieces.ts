import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { campaigns } from "./catalog";
import { columns } from "./columns";

/**
 * The core entity: every episode, poster, article, e-book, handbook and livestream is a piece.
 * Kind-specific detail lives in its own tables keyed by piece id.
 */
export const pieces = sqliteTable(
  "pieces",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    status: text("status").notNull(),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id),
    campaignId: integer("campaign_id").references(() => campaigns.id),
    columnId: integer("column_id").references(() => columns.id),
    mixCategory: text("mix_category"),
    body: text("body").notNull().default(""),
    /** Public tracking slug used by landing pages and QR codes. */
    slug: text("slug").notNull().unique(),
    /** Incremented on every save; a save naming an older version is refused as stale. */
    version: integer("version").notNull().default(1),
    dueAt: integer("due_at", { mode: "timestamp_ms" }),
    scheduledAt: integer("scheduled_at", { mode: "timestamp_ms" }),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("pieces_kind_status_idx").on(t.kind, t.status),
    index("pieces_owner_idx").on(t.ownerId),
    index("pieces_campaign_idx").on(t.campaignId),
  ],
);

export const pieceRevisions = sqliteTable(
  "piece_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pieceId: integer("piece_id")
      .notNull()
      .references(() => pieces.id),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("piece_revisions_piece_idx").on(t.pieceId, t.version)],
);

export const pieceTransitions = sqliteTable(
  "piece_transitions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pieceId: integer("piece_id")
      .notNull()
      .references(() => pieces.id),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    action: text("action").notNull(),
    note: text("note"),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("piece_transitions_piece_idx").on(t.pieceId)],
);
