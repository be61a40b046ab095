import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { requiredRef, serialId, timestampMs, timestamps } from "./shared-columns";

export const users = sqliteTable("users", {
  id: serialId(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  /** JSON array of role names; a person may hold several. */
  roles: text("roles", { mode: "json" }).$type<string[]>().notNull(),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
  ...timestamps(),
});

export const sessions = sqliteTable(
  "sessions",
  {
    /** sha256 of the cookie token: a leaked database row cannot be replayed as a cookie. */
    tokenHash: text("token_hash").primaryKey(),
    userId: requiredRef("user_id", () => users.id),
    createdAt: timestampMs("created_at").notNull(),
    expiresAt: timestampMs("expires_at").notNull(),
    revokedAt: timestampMs("revoked_at"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = sqliteTable("api_tokens", {
  id: serialId(),
  name: text("name").notNull(),
  /** Shown once at creation; only this hash is kept. */
  tokenHash: text("token_hash").notNull().unique(),
  prefix: text("prefix").notNull(),
  userId: requiredRef("user_id", () => users.id),
  createdBy: requiredRef("created_by", () => users.id),
  createdAt: timestampMs("created_at").notNull(),
  revokedAt: timestampMs("revoked_at"),
  lastUsedAt: timestampMs("last_used_at"),
});

export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: serialId(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: integer("succeeded", { mode: "boolean" }).notNull(),
    at: timestampMs("at").notNull(),
  },
  (t) => [index("login_attempts_email_at_idx").on(t.email, t.at)],
);

export const appMeta = sqliteTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestampMs("updated_at")
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});
