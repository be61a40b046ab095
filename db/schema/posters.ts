import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { requiredRef, serialId, timestampMs, timestamps } from "./shared-columns";
import { users } from "./auth";
import { jobs } from "./jobs";
import { mediaAssets } from "./media";
import { pieces } from "./pieces";

/**
 * Tables of the posters capability. A poster is a piece of kind 'poster'; its template, fields and
 * rendered versions live here, keyed by the piece id. Files live under DATA_DIR by content hash.
 */

/**
 * The dealership's brand kit: one row (id 1). Every template draws its locked parts (dealer name,
 * logo, colours, hotline, address, font) from here, so a designer changes them once.
 */
export const brandKits = sqliteTable("brand_kits", {
  id: serialId(),
  dealerName: text("dealer_name").notNull(),
  primaryColor: text("primary_color").notNull(),
  accentColor: text("accent_color").notNull(),
  textColor: text("text_color").notNull(),
  hotline: text("hotline").notNull().default(""),
  address: text("address").notNull().default(""),
  /** The face every poster's text is set in: a key of POSTER_FONTS (render/poster-catalog.ts). */
  font: text("font").notNull().default("noto_sans_sc"),
  /** The logo (PNG, sniffed), stored by hash; null for none. */
  logoSha256: text("logo_sha256"),
  logoWidth: integer("logo_width"),
  logoHeight: integer("logo_height"),
  logoBytes: integer("logo_bytes"),
  /** Bumped by every save; a save naming an older version is refused as stale. */
  version: integer("version").notNull().default(1),
  updatedBy: integer("updated_by").references(() => users.id),
  ...timestamps(),
});

/** A poster's template, size and copy, and its model photo (sniffed, stored by hash). */
export const posters = sqliteTable("posters", {
  pieceId: integer("piece_id")
    .primaryKey()
    .references(() => pieces.id),
  /** offer | event | new_model | service_tip */
  template: text("template").notNull(),
  /** moments | story | xiaohongshu (the A4 PDF is rendered from the same fields on request). */
  size: text("size").notNull(),
  fields: text("fields", { mode: "json" }).$type<Record<string, string>>().notNull(),
  photoSha256: text("photo_sha256"),
  /** png | jpeg */
  photoFormat: text("photo_format"),
  photoWidth: integer("photo_width"),
  photoHeight: integer("photo_height"),
  photoBytes: integer("photo_bytes"),
  version: integer("version").notNull().default(1),
  ...timestamps(),
});

/**
 * Every version of a poster's image: a template render (queued as a job, finished by it) or a
 * designer's finished upload. Numbered per poster; the newest finished one is the piece's media.
 */
export const posterRenders = sqliteTable(
  "poster_renders",
  {
    id: serialId(),
    pieceId: requiredRef("piece_id", () => pieces.id),
    number: integer("number").notNull(),
    /** template | upload */
    source: text("source").notNull(),
    /** The render job; null for an upload. */
    jobId: integer("job_id").references(() => jobs.id),
    template: text("template"),
    size: text("size"),
    /** The copy rendered, as it was when the render was requested. */
    fields: text("fields", { mode: "json" }).$type<Record<string, string>>(),
    /** Requested variants: one per consultant or venue, each with its own QR source. */
    variants: text("variants", { mode: "json" })
      .$type<{ key: string; label: string }[]>()
      .notNull()
      .default([]),
    /** The media asset the finished image is (what the calendar and landing page show). */
    assetId: integer("asset_id").references(() => mediaAssets.id),
    width: integer("width"),
    height: integer("height"),
    bytes: integer("bytes"),
    sha256: text("sha256"),
    requestedBy: requiredRef("requested_by", () => users.id),
    createdAt: timestampMs("created_at").notNull(),
    finishedAt: timestampMs("finished_at"),
  },
  (t) => [
    uniqueIndex("poster_renders_piece_number_idx").on(t.pieceId, t.number),
    uniqueIndex("poster_renders_job_idx").on(t.jobId),
  ],
);

/** One variant image of a render, with the QR source it carries (`poster-{id}-{key}`). */
export const posterVariants = sqliteTable(
  "poster_variants",
  {
    id: serialId(),
    renderId: requiredRef("render_id", () => posterRenders.id),
    key: text("key").notNull(),
    label: text("label").notNull(),
    source: text("source").notNull(),
    relPath: text("rel_path").notNull(),
    bytes: integer("bytes").notNull(),
    sha256: text("sha256").notNull(),
  },
  (t) => [
    uniqueIndex("poster_variants_render_key_idx").on(t.renderId, t.key),
    index("poster_variants_render_idx").on(t.renderId),
  ],
);
