import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { requiredRef, serialId, timestampMs } from "./shared-columns";
import { users } from "./auth";
import { columns } from "./columns";
import { jobs } from "./jobs";
import { pieces } from "./pieces";

/**
 * Tables of the media capability. An episode is a piece of kind 'episode'; its script lines, footage
 * and rendered versions live here, keyed by the piece id. File paths are relative to DATA_DIR.
 */

/** Ordered script lines of an episode; the column's outro line is not stored, it is always appended. */
export const episodeScriptLines = sqliteTable(
  "episode_script_lines",
  {
    id: serialId(),
    pieceId: requiredRef("piece_id", () => pieces.id),
    position: integer("position").notNull(),
    /** Voice-over text (口播). */
    voiceover: text("voiceover").notNull(),
    /** On-screen caption; the voice-over is burned in when empty. */
    caption: text("caption").notNull().default(""),
    shotNote: text("shot_note").notNull().default(""),
    seconds: real("seconds").notNull(),
  },
  (t) => [index("episode_script_lines_piece_idx").on(t.pieceId, t.position)],
);

/**
 * An episode's own render choices; no row means the defaults. `shortScriptFit` says what a script
 * shorter than the column does: 'pad' keeps the column's length (the footage runs on under its own
 * sound until the outro), 'shorten' ends the video shortly after the last line.
 */
export const episodeSettings = sqliteTable("episode_settings", {
  pieceId: integer("piece_id")
    .primaryKey()
    .references(() => pieces.id),
  shortScriptFit: text("short_script_fit").notNull().default("pad"),
  updatedAt: timestampMs("updated_at").notNull(),
});

/**
 * Uploaded media: an episode's footage (pieceId set, role 'footage') or a column's brand asset
 * (columnId set, role 'logo' | 'intro' | 'outro' | 'outro_audio').
 */
export const mediaAssets = sqliteTable(
  "media_assets",
  {
    id: serialId(),
    pieceId: integer("piece_id").references(() => pieces.id),
    columnId: integer("column_id").references(() => columns.id),
    role: text("role").notNull(),
    /** video | image | audio */
    kind: text("kind").notNull(),
    originalName: text("original_name").notNull(),
    /** Relative to DATA_DIR; generated, never from user input. */
    relPath: text("rel_path").notNull(),
    bytes: integer("bytes").notNull(),
    durationSeconds: real("duration_seconds"),
    width: integer("width"),
    height: integer("height"),
    sar: real("sar").notNull().default(1),
    hasAudio: integer("has_audio", { mode: "boolean" }).notNull().default(false),
    position: integer("position").notNull().default(0),
    /** pending | verified | failed: only verified footage goes into a render. */
    verifyStatus: text("verify_status").notNull(),
    verifyError: text("verify_error"),
    verifyJobId: integer("verify_job_id").references(() => jobs.id),
    uploadedBy: integer("uploaded_by").references(() => users.id),
    createdAt: timestampMs("created_at").notNull(),
  },
  (t) => [
    index("media_assets_piece_idx").on(t.pieceId, t.position),
    index("media_assets_column_idx").on(t.columnId, t.role),
  ],
);

/** Each finished render of an episode: a new numbered version, written in the job's commit. */
export const episodeRenders = sqliteTable(
  "episode_renders",
  {
    id: serialId(),
    pieceId: requiredRef("piece_id", () => pieces.id),
    number: integer("number").notNull(),
    jobId: requiredRef("job_id", () => jobs.id),
    videoPath: text("video_path").notNull(),
    coverPath: text("cover_path").notNull(),
    thumbnailPath: text("thumbnail_path").notNull(),
    bytes: integer("bytes").notNull(),
    durationSeconds: real("duration_seconds").notNull(),
    coverAtSecond: real("cover_at_second"),
    /** Hash of the script and clips rendered, so identical requests share one job. */
    inputHash: text("input_hash").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestampMs("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("episode_renders_piece_number_idx").on(t.pieceId, t.number),
    uniqueIndex("episode_renders_job_idx").on(t.jobId),
  ],
);
