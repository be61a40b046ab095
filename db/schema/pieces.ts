import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { requiredRef, serialId, timestampMs, timestamps } from "./shared-columns";
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
    id: serialId(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    status: text("status").notNull(),
    ownerId: requiredRef("owner_id", () => users.id),
    campaignId: integer("campaign_id").references(() => campaigns.id),
    columnId: integer("column_id").references(() => columns.id),
    mixCategory: text("mix_category"),
    body: text("body").notNull().default(""),
    /** Public tracking slug used by landing pages and QR codes. */
    slug: text("slug").notNull().unique(),
    /** Incremented on every save; a save naming an older version is refused as stale. */
    version: integer("version").notNull().default(1),
    dueAt: timestampMs("due_at"),
    scheduledAt: timestampMs("scheduled_at"),
    publishedAt: timestampMs("published_at"),
    ...timestamps(),
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
    id: serialId(),
    pieceId: requiredRef("piece_id", () => pieces.id),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    authorId: requiredRef("author_id", () => users.id),
    createdAt: timestampMs("created_at").notNull(),
  },
  (t) => [index("piece_revisions_piece_idx").on(t.pieceId, t.version)],
);

export const pieceTransitions = sqliteTable(
  "piece_transitions",
  {
    id: serialId(),
    pieceId: requiredRef("piece_id", () => pieces.id),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    action: text("action").notNull(),
    note: text("note"),
    actorId: requiredRef("actor_id", () => users.id),
    at: timestampMs("at").notNull(),
  },
  (t) => [index("piece_transitions_piece_idx").on(t.pieceId)],
);
