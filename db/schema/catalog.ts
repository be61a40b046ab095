import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** The twelve monthly campaigns of the year plan; each month's content belongs to one. */
export const campaigns = sqliteTable("campaigns", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  year: integer("year").notNull(),
  month: integer("month").notNull(),
  name: text("name").notNull(),
  theme: text("theme").notNull(),
  target: text("target").notNull(),
});

/** Platforms the department publishes to, with their posting cadence. */
export const channels = sqliteTable("channels", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  /** Expected posts per week; null when the plan sets no cadence. */
  postsPerWeek: integer("posts_per_week"),
  cadenceNote: text("cadence_note"),
});
