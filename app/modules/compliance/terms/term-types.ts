import type { ScanTerm, TermCategory, TermSeverity } from "../compliance-types";

/**
 * The term library's shapes as the page, the API and the CSV files see them. Pure: safe in the
 * browser.
 */

/** A term of the library now, with its times (ISO instants). */
export interface TermDto extends ScanTerm {
  createdAt: string;
  updatedAt: string;
}

/** A term without id and times: what is written, imported, exported and kept in a version. */
export type TermEntry = Omit<ScanTerm, "id">;

/** What made a library version. */
export const LIBRARY_CAUSES = ["seed", "create", "update", "delete", "import", "restore"] as const;
export type LibraryCause = (typeof LIBRARY_CAUSES)[number];

/** One state the library has been in (without its terms). */
export interface LibraryVersionDto {
  version: number;
  cause: LibraryCause;
  note: string | null;
  termCount: number;
  actorId: number | null;
  actorName: string | null;
  createdAt: string;
}

/**
 * How an import meets the library: `merge` adds the file's terms and updates those it names (by
 * term, or by pattern), leaving the rest; `replace` makes the library exactly the file.
 */
export const IMPORT_MODES = ["merge", "replace"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** What an import or a restore did. */
export interface LibraryChangeCounts {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/** Limits of one entry. A term is a word or phrase: 200 characters and more is a sentence. */
export const TERM_MAX_CHARS = 199;
export const REASON_MAX_CHARS = 500;
export const BASIS_MAX_CHARS = 300;
export const SUGGESTION_MAX_CHARS = 500;
export const CONTEXT_MAX_CHARS = 50;
export const CONTEXTS_MAX = 30;

/** The CSV upload cap (the body of POST /api/v1/terms/import). */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** More rows than a library has terms by far (the plan's library has about 300). */
export const IMPORT_MAX_ROWS = 5000;

/** Allowed contexts in one CSV cell or one text field: separated by `|` (or line breaks on a form). */
export const CONTEXT_SEPARATOR = "|";

export type { TermCategory, TermSeverity };
