import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { columns } from "./columns";
import { pieces } from "./pieces";

/**
 * The sensitive-term library as it stands now. A row is either a literal `term` or a `pattern`
 * (a guarded regular expression for numbers such as `100\s*[%％]`), never both. Every change to
 * this table writes a new `term_library_versions` row holding the whole library, so any earlier
 * version can be restored.
 */
export const complianceTerms = sqliteTable(
  "compliance_terms",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The literal term, as people write it (matched over normalised text). */
    term: text("term"),
    /** A regular expression matched over normalised text, for numbers and the like. */
    pattern: text("pattern"),
    /** absolute | auto_fuel | auto_safety | auto_adas | auto_range | auto_finance | auto_plate | price | service | quality | off_platform */
    category: text("category").notNull(),
    /** block: prevents approval; review: needs a reviewer's written justification. */
    severity: text("severity").notNull(),
    reason: text("reason").notNull(),
    /** The law, regulation or platform rule the term breaks. */
    basis: text("basis").notNull(),
    suggestion: text("suggestion").notNull().default(""),
    /** Longer words in which the term does not count (最近 for 最, 第一次 for 第一, 一汽 for 一). */
    allowedContexts: text("allowed_contexts", { mode: "json" }).$type<string[]>().notNull().default([]),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("compliance_terms_term_idx").on(t.term),
    index("compliance_terms_category_idx").on(t.category),
  ],
);

/** Serialised term of a library version (the row without ids and times). */
export interface LibraryTermSnapshot {
  term: string | null;
  pattern: string | null;
  category: string;
  severity: string;
  reason: string;
  basis: string;
  suggestion: string;
  allowedContexts: string[];
}

/** Every state the library has been in; the highest version is the current one. */
export const termLibraryVersions = sqliteTable("term_library_versions", {
  version: integer("version").primaryKey(),
  /** What made this version: "seed", "create", "update", "delete", "import", "restore". */
  cause: text("cause").notNull(),
  note: text("note"),
  termCount: integer("term_count").notNull(),
  terms: text("terms", { mode: "json" }).$type<LibraryTermSnapshot[]>().notNull(),
  actorId: integer("actor_id").references(() => users.id),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * The latest compliance and originality check of a piece's current text: what the reviewer sees
 * and what the gates read. `textHash` is the sha256 of the checked text, so a gate can tell
 * whether the text changed since.
 */
export const pieceChecks = sqliteTable("piece_checks", {
  pieceId: integer("piece_id")
    .primaryKey()
    .references(() => pieces.id),
  textHash: text("text_hash").notNull(),
  termsVersion: integer("library_version").notNull(),
  /** Findings as the scanner returns them, with offsets into the checked text. */
  findings: text("findings", { mode: "json" }).$type<unknown[]>().notNull().default([]),
  blockCount: integer("block_count").notNull().default(0),
  reviewCount: integer("review_count").notNull().default(0),
  /** 0–1; null when the text is too short for a score (near-duplicate check only). */
  originality: real("originality"),
  originalityThreshold: real("originality_threshold").notNull(),
  /** The most similar earlier pieces with their shared passages. */
  similar: text("similar", { mode: "json" }).$type<unknown[]>().notNull().default([]),
  /** Set when a library change found findings the piece did not have before; cleared on review. */
  flaggedAt: integer("flagged_at", { mode: "timestamp_ms" }),
  checkedAt: integer("checked_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * A reviewer's written reason for letting `review` findings through, or an editor's justified
 * exception to the originality threshold, for one exact text (by hash). Audited when written.
 */
export const complianceJustifications = sqliteTable(
  "compliance_justifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pieceId: integer("piece_id")
      .notNull()
      .references(() => pieces.id),
    /** findings | originality */
    kind: text("kind").notNull(),
    textHash: text("text_hash").notNull(),
    note: text("note").notNull(),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("compliance_justifications_piece_idx").on(t.pieceId, t.kind)],
);

/** Minimum originality per piece kind (0–1); a kind without a row uses 0.9. */
export const originalityThresholds = sqliteTable("originality_thresholds", {
  kind: text("kind").primaryKey(),
  threshold: real("threshold").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Declared boilerplate left out of the originality score: disclaimers, the dealership's address
 * line. A column's fixed outro line counts as boilerplate without a row here.
 */
export const boilerplateLines = sqliteTable("boilerplate_lines", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  text: text("text").notNull(),
  /** Null: boilerplate for every column. */
  columnId: integer("column_id").references(() => columns.id),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * The originality index: MinHash band keys of each piece's copy, so the check finds candidate
 * earlier pieces without reading every text. Rewritten when a piece's text changes.
 */
export const originalityBands = sqliteTable(
  "originality_bands",
  {
    pieceId: integer("piece_id")
      .notNull()
      .references(() => pieces.id),
    band: integer("band").notNull(),
    key: text("key").notNull(),
  },
  (t) => [primaryKey({ columns: [t.pieceId, t.band] }), index("originality_bands_key_idx").on(t.band, t.key)],
);
