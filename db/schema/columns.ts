import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { serialId } from "./shared-columns";
import { channels } from "./catalog";

/** A short-video column (栏目): a series of episodes with a fixed length and outro line. */
export const columns = sqliteTable("columns", {
  id: serialId(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  episodeTarget: integer("episode_target").notNull(),
  durationSeconds: integer("duration_seconds").notNull(),
  outroLine: text("outro_line").notNull(),
  viewsTargetPerEpisode: integer("views_target_per_episode"),
  defaultChannelId: integer("default_channel_id").references(() => channels.id),
  mixCategory: text("mix_category").notNull(),
  primaryColor: text("primary_color").notNull().default("#1f4e9c"),
  accentColor: text("accent_color").notNull().default("#f5b400"),
  /** Caption colour on the column's intro and outro cards. */
  textColor: text("text_color").notNull().default("#ffffff"),
  /** Chinese characters per second a voice-over may ask for; faster lines are flagged. */
  readingSpeedCps: real("reading_speed_cps").notNull().default(4.5),
  /** Bumped by every settings save; a save naming an older version is refused as stale. */
  version: integer("version").notNull().default(1),
});
