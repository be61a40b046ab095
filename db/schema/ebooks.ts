import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { requiredRef, serialId, timestampMs } from "./shared-columns";
import type { EbookSnapshot } from "../../app/modules/ebooks/ebook-snapshot";
import { users } from "./auth";
import { jobs } from "./jobs";
import { pieces } from "./pieces";

/**
 * Tables of the ebooks capability. A book is a piece of kind 'ebook' or 'handbook'; its title
 * stays on the piece, everything else a typesetter needs lives here, keyed by the piece id.
 */
export const ebooks = sqliteTable("ebooks", {
  pieceId: integer("piece_id")
    .primaryKey()
    .references(() => pieces.id),
  subtitle: text("subtitle").notNull().default(""),
  author: text("author").notNull(),
  description: text("description").notNull().default(""),
  keywords: text("keywords", { mode: "json" }).$type<string[]>().notNull(),
  /** A5 | B5 | A4 */
  trim: text("trim").notNull(),
  targetPages: integer("target_pages").notNull(),
  /** Bumped by every metadata save; a save naming an older version is refused as stale. */
  version: integer("version").notNull().default(1),
  updatedAt: timestampMs("updated_at").notNull(),
});

export const ebookSections = sqliteTable(
  "ebook_sections",
  {
    id: serialId(),
    pieceId: requiredRef("piece_id", () => pieces.id),
    title: text("title").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [index("ebook_sections_piece_idx").on(t.pieceId, t.position)],
);

export const ebookChapters = sqliteTable(
  "ebook_chapters",
  {
    id: serialId(),
    pieceId: requiredRef("piece_id", () => pieces.id),
    sectionId: requiredRef("section_id", () => ebookSections.id),
    title: text("title").notNull(),
    markdown: text("markdown").notNull().default(""),
    position: integer("position").notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [
    index("ebook_chapters_section_idx").on(t.sectionId, t.position),
    index("ebook_chapters_piece_idx").on(t.pieceId),
  ],
);

/** Images uploaded to a book. The file lives under DATA_DIR by book id and content hash, never a user path. */
export const ebookImages = sqliteTable(
  "ebook_images",
  {
    id: serialId(),
    pieceId: requiredRef("piece_id", () => pieces.id),
    /** The plain file name chapters refer to: `![说明](name.png)`. */
    name: text("name").notNull(),
    /** png | jpeg, sniffed from the bytes. */
    format: text("format").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: requiredRef("uploaded_by", () => users.id),
    createdAt: timestampMs("created_at").notNull(),
  },
  (t) => [uniqueIndex("ebook_images_piece_name_idx").on(t.pieceId, t.name)],
);

/** Every build request, so the book page can follow its job (and show a failure). */
export const ebookBuildRequests = sqliteTable(
  "ebook_build_requests",
  {
    id: serialId(),
    pieceId: requiredRef("piece_id", () => pieces.id),
    jobId: requiredRef("job_id", () => jobs.id),
    profile: text("profile").notNull(),
    requestedBy: requiredRef("requested_by", () => users.id),
    createdAt: timestampMs("created_at").notNull(),
  },
  (t) => [
    index("ebook_build_requests_piece_idx").on(t.pieceId),
    uniqueIndex("ebook_build_requests_job_idx").on(t.jobId),
  ],
);

/** An immutable built version: written once, with the job's success, never updated. */
export const ebookBuilds = sqliteTable(
  "ebook_builds",
  {
    id: serialId(),
    pieceId: requiredRef("piece_id", () => pieces.id),
    jobId: requiredRef("job_id", () => jobs.id),
    /** screen | print */
    profile: text("profile").notNull(),
    pages: integer("pages").notNull(),
    bytes: integer("bytes").notNull(),
    sha256: text("sha256").notNull(),
    /** Hash of the book content this file was typeset from (see app/modules/ebooks/content-hash.server.ts). */
    contentHash: text("content_hash").notNull(),
    /** The content the hash was taken of (one declaration: app/modules/ebooks/ebook-snapshot.ts). */
    snapshot: text("snapshot", { mode: "json" }).$type<EbookSnapshot>().notNull(),
    /** The sign-off a print build was allowed by. */
    signoffId: integer("signoff_id"),
    renderMs: integer("render_ms").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestampMs("created_at").notNull(),
  },
  (t) => [
    index("ebook_builds_piece_idx").on(t.pieceId, t.createdAt),
    uniqueIndex("ebook_builds_job_idx").on(t.jobId),
  ],
);

/**
 * The Markdown builds were typeset from, by the sha256 their snapshots name for each chapter
 * (`ebook_builds.snapshot`): a text is kept once per book however many builds share it. Written
 * with a build, never updated; compare reads it for the line diff of a changed chapter.
 */
export const ebookChapterTexts = sqliteTable(
  "ebook_chapter_texts",
  {
    pieceId: requiredRef("piece_id", () => pieces.id),
    sha256: text("sha256").notNull(),
    markdown: text("markdown").notNull(),
  },
  (t) => [primaryKey({ columns: [t.pieceId, t.sha256] })],
);

/**
 * External review sign-off (e.g. the traffic police squad) covering one exact build and content
 * hash. Any later content change voids it; the row stays, with when and why.
 */
export const ebookSignoffs = sqliteTable(
  "ebook_signoffs",
  {
    id: serialId(),
    pieceId: requiredRef("piece_id", () => pieces.id),
    buildId: requiredRef("build_id", () => ebookBuilds.id),
    contentHash: text("content_hash").notNull(),
    organisation: text("organisation").notNull(),
    reviewer: text("reviewer").notNull(),
    /** The day the reviewer signed, as YYYY-MM-DD. */
    reviewedOn: text("reviewed_on").notNull(),
    note: text("note").notNull().default(""),
    recordedBy: requiredRef("recorded_by", () => users.id),
    createdAt: timestampMs("created_at").notNull(),
    voidedAt: timestampMs("voided_at"),
    voidReason: text("void_reason"),
  },
  (t) => [index("ebook_signoffs_piece_idx").on(t.pieceId)],
);
