/**
 * CSV as RFC 4180 writes it: fields separated by commas, a field holding a comma, a quote or a
 * line break is quoted, a quote inside a quoted field is doubled, records end with CRLF (LF and a
 * lone CR are read too). Pure text in, text out: turning uploaded bytes into text (BOM, UTF-8,
 * GB18030) is `csv-bytes.server.ts`. Shared by every CSV import and export of the studio.
 */

/** One record and its row number as a spreadsheet shows it (the header is row 1). */
export interface CsvRecord {
  row: number;
  fields: string[];
}

export type CsvProblem = "unclosed_quote" | "stray_quote" | "text_after_quote" | "too_many_rows";

export type CsvParse =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; problem: CsvProblem; /** The record (spreadsheet row) where it happened. */ row: number };

export interface CsvParseOptions {
  delimiter?: string;
  /** Refuse more records than this (blank lines included), so a huge file costs nothing more. */
  maxRows?: number;
}

/**
 * Parses CSV text strictly: a quote inside an unquoted field, text after a closing quote and a
 * quote left open at the end are refused with the row they are on, rather than guessed at.
 * Blank lines are skipped but keep their row numbers.
 */
export function parseCsv(text: string, options: CsvParseOptions = {}): CsvParse {
  const delimiter = options.delimiter ?? ",";
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  // Whether the current record has anything in it yet (a quoted empty field counts).
  let touched = false;
  let row = 1;
  let i = 0;
  const n = text.length;

  const endRecord = (): CsvParse | null => {
    fields.push(field);
    if (touched || fields.length > 1) records.push({ row, fields });
    fields = [];
    field = "";
    touched = false;
    row += 1;
    return row - 1 > maxRows ? { ok: false, problem: "too_many_rows", row: row - 1 } : null;
  };
  /** Consumes a line break at i, if there is one; returns whether it did. */
  const lineBreak = (): boolean => {
    if (text[i] === "\r") {
      i += text[i + 1] === "\n" ? 2 : 1;
      return true;
    }
    if (text[i] === "\n") {
      i += 1;
      return true;
    }
    return false;
  };

  while (i < n) {
    const c = text[i];
    if (c === '"' && field === "") {
      // A quoted field: up to the next single quote.
      const startRow = row;
      touched = true;
      i += 1;
      let closed = false;
      let start = i;
      while (i < n) {
        const q = text.indexOf('"', i);
        if (q < 0) break;
        field += text.slice(start, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
          start = i;
          continue;
        }
        i = q + 1;
        closed = true;
        break;
      }
      if (!closed) return { ok: false, problem: "unclosed_quote", row: startRow };
      // A closing quote is followed by the delimiter, a line break or the end (handled below).
      if (i < n && !text.startsWith(delimiter, i) && text[i] !== "\r" && text[i] !== "\n")
        return { ok: false, problem: "text_after_quote", row };
      continue;
    }
    if (text.startsWith(delimiter, i)) {
      fields.push(field);
      field = "";
      touched = true;
      i += delimiter.length;
      continue;
    }
    if (lineBreak()) {
      const refused = endRecord();
      if (refused) return refused;
      continue;
    }
    if (c === '"') return { ok: false, problem: "stray_quote", row };
    field += c;
    touched = true;
    i += 1;
  }
  if (touched || fields.length > 0 || field !== "") {
    const refused = endRecord();
    if (refused) return refused;
  }
  return { ok: true, records };
}

/** A field as RFC 4180 writes it: quoted when it holds the delimiter, a quote or a line break. */
export function csvField(value: string, delimiter = ","): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Records as CSV text, CRLF after every record (as RFC 4180 and spreadsheets write it). */
export function toCsv(rows: readonly (readonly string[])[], delimiter = ","): string {
  return rows.map((fields) => `${fields.map((f) => csvField(f, delimiter)).join(delimiter)}\r\n`).join("");
}

/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (a term such as
 * “+V” would show as an error, a crafted one could run). Exports write such a value behind an
 * apostrophe, as spreadsheets themselves do; imports take it off again.
 */
export function protectFormula(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

export function unprotectFormula(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}
