import { index, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { requiredRef, serialId, timestampMs, timestamps } from "./shared-columns";
import { users } from "./auth";
import { pieces } from "./pieces";

/**
 * Tables of the notifications capability (docs/notifications.md): what each person was told in the
 * app, what they want to be told, the WeCom group robots an admin set up per team, and the
 * comments reviewers leave on one line of a piece (whose @mentions are one source of notifications).
 */

/**
 * One row per recipient and event. The text is not stored: `type` and `params` are rendered in the
 * reader's language when listed, so switching the language switches old notifications too.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: serialId(),
    userId: requiredRef("user_id", () => users.id),
    /** review_requested | approved | rejected | job_finished | job_failed | signoff_voided | mentioned | task_due */
    type: text("type").notNull(),
    pieceId: integer("piece_id").references(() => pieces.id),
    /** Who caused it; null for the system (a job, the publishing tick). */
    actorId: integer("actor_id").references(() => users.id),
    /** Values the text interpolates (piece title, reason, job kind…). */
    params: text("params", { mode: "json" }).$type<Record<string, string | number | null>>().notNull(),
    /** Where a click leads, an in-app path. */
    link: text("link").notNull(),
    readAt: timestampMs("read_at"),
    createdAt: timestampMs("created_at").notNull(),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt),
    index("notifications_user_read_idx").on(t.userId, t.readAt),
  ],
);

/** A person's choice per event type; no row means the defaults (in the app and WeCom both on). */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: requiredRef("user_id", () => users.id),
    type: text("type").notNull(),
    inApp: integer("in_app", { mode: "boolean" }).notNull(),
    wecom: integer("wecom", { mode: "boolean" }).notNull(),
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.type] })],
);

/**
 * A WeCom (企业微信) group robot: the webhook of one team's group chat. A team is the people
 * holding any of `roles`; a notification for one of them who wants WeCom is posted there.
 */
export const wecomRobots = sqliteTable("wecom_robots", {
  id: serialId(),
  name: text("name").notNull(),
  /** The robot's webhook URL, stored sealed (decision 0047): it carries the robot's key; pages show it masked. */
  url: text("url").notNull(),
  /** JSON array of role names: the team. */
  roles: text("roles", { mode: "json" }).$type<string[]>().notNull(),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  version: integer("version").notNull().default(1),
  createdBy: integer("created_by").references(() => users.id),
  ...timestamps(),
});

/**
 * A comment on one line of a piece. The anchor names the line (docs/notifications.md): kind
 * `script_line` (ref = episode script line id), `block` (ref = run-of-show block id),
 * `paragraph` (ref = "chapterId:index") or `body_line` (ref = line index of the piece body).
 * `quote` keeps the anchored text as it was, so a comment stays readable after the text changes.
 */
export const comments = sqliteTable(
  "comments",
  {
    id: serialId(),
    pieceId: requiredRef("piece_id", () => pieces.id),
    /** The thread's first comment; null for a thread's start. Replies share its anchor. */
    parentId: integer("parent_id").references((): AnySQLiteColumn => comments.id),
    anchorKind: text("anchor_kind").notNull(),
    anchorRef: text("anchor_ref").notNull(),
    quote: text("quote").notNull(),
    body: text("body").notNull(),
    authorId: requiredRef("author_id", () => users.id),
    /** JSON array of the user ids the body @mentions (resolved when written). */
    mentions: text("mentions", { mode: "json" }).$type<number[]>().notNull(),
    /** open | resolved; kept on the thread's first comment. */
    status: text("status").notNull().default("open"),
    resolvedBy: integer("resolved_by").references(() => users.id),
    resolvedAt: timestampMs("resolved_at"),
    ...timestamps(),
  },
  (t) => [index("comments_piece_idx").on(t.pieceId, t.status), index("comments_parent_idx").on(t.parentId)],
);
