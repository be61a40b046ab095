import { parseCsv, protectFormula, toCsv, unprotectFormula, type CsvProblem } from "~/lib/csv";
import { fail, type Failure } from "~/lib/result";
import { CONTEXT_SEPARATOR, IMPORT_MAX_ROWS, type TermEntry } from "./term-types";

/**
 * The library as a CSV file, and a CSV file as rows to check. One header row names the columns;
 * allowed contexts share one cell, separated by `|`. The export writes the English column names
 * below; an import also takes the Chinese ones (a sheet a colleague typed by hand), in any order.
 */
export const TERM_CSV_COLUMNS = [
  "term",
  "pattern",
  "category",
  "severity",
  "reason",
  "basis",
  "suggestion",
  "allowed_contexts",
] as const;
export type TermCsvColumn = (typeof TERM_CSV_COLUMNS)[number];

const CHINESE_HEADERS: Record<string, TermCsvColumn> = {
  词条: "term",
  正则: "pattern",
  类别: "category",
  严重程度: "severity",
  原因: "reason",
  依据: "basis",
  建议改写: "suggestion",
  允许语境: "allowed_contexts",
};

const REQUIRED: TermCsvColumn[] = ["category", "severity", "reason", "basis"];

/** The entry field each column fills (what a row's problem names). */
const FIELD_OF: Record<TermCsvColumn, string> = {
  term: "term",
  pattern: "pattern",
  category: "category",
  severity: "severity",
  reason: "reason",
  basis: "basis",
  suggestion: "suggestion",
  allowed_contexts: "allowedContexts",
};

/** The library as CSV text (header first); cells a spreadsheet would run as formulas are protected. */
export function entriesToCsv(entries: readonly TermEntry[]): string {
  const rows = entries.map((entry) =>
    [
      entry.term ?? "",
      entry.pattern ?? "",
      entry.category,
      entry.severity,
      entry.reason,
      entry.basis,
      entry.suggestion,
      entry.allowedContexts.join(CONTEXT_SEPARATOR),
    ].map(protectFormula),
  );
  return toCsv([[...TERM_CSV_COLUMNS], ...rows]);
}

/** One data row as the fields of an entry (still unchecked), with its spreadsheet row number. */
export interface TermCsvRow {
  row: number;
  raw: Record<string, unknown>;
}

const PROBLEM_CONTEXT: Record<CsvProblem, string> = {
  unclosed_quote: "unclosedQuote",
  stray_quote: "strayQuote",
  text_after_quote: "textAfterQuote",
  too_many_rows: "tooManyRows",
};

function csvProblem(problem: CsvProblem, row: number): Failure {
  switch (problem) {
    case "unclosed_quote":
      return fail(400, "csv_malformed", `第 ${row} 行：引号没有闭合。`, {
        field: "file",
        params: { context: PROBLEM_CONTEXT[problem], row },
      });
    case "stray_quote":
      return fail(
        400,
        "csv_malformed",
        `第 ${row} 行：没有用引号括起的内容里出现了引号（含引号的内容要整体用英文双引号括起，内部引号写两次）。`,
        { field: "file", params: { context: PROBLEM_CONTEXT[problem], row } },
      );
    case "text_after_quote":
      return fail(400, "csv_malformed", `第 ${row} 行：引号结束后、逗号之前还有文字。`, {
        field: "file",
        params: { context: PROBLEM_CONTEXT[problem], row },
      });
    case "too_many_rows":
      return fail(400, "csv_malformed", `文件超过 ${IMPORT_MAX_ROWS} 行，请分批导入。`, {
        field: "file",
        params: { context: PROBLEM_CONTEXT[problem], row, max: IMPORT_MAX_ROWS },
      });
  }
}

function headerColumn(cell: string): TermCsvColumn | null {
  const name = cell.trim();
  const lower = name.toLowerCase().replace(/[\s-]+/g, "_");
  if ((TERM_CSV_COLUMNS as readonly string[]).includes(lower)) return lower as TermCsvColumn;
  if (lower === "allowedcontexts") return "allowed_contexts";
  return CHINESE_HEADERS[name] ?? null;
}

/**
 * CSV text as rows of raw entry fields. Refuses (naming the row) a malformed file, a header
 * without the columns an entry needs, a row with more cells than the header and a file without
 * a single term; does not check the entries themselves.
 */
export function csvToTermRows(text: string): { ok: true; rows: TermCsvRow[] } | Failure {
  const parsed = parseCsv(text, { maxRows: IMPORT_MAX_ROWS + 1 });
  if (!parsed.ok) return csvProblem(parsed.problem, parsed.row);
  const [header, ...records] = parsed.records;
  if (!header) return fail(400, "csv_empty", "文件里没有词条。", "file");
  const columns: TermCsvColumn[] = [];
  for (const cell of header.fields) {
    const column = headerColumn(cell);
    if (!column)
      return fail(400, "csv_header", `第 ${header.row} 行：未知的列“${cell}”。`, {
        field: "file",
        params: { context: "unknown", row: header.row, column: cell },
      });
    if (columns.includes(column))
      return fail(400, "csv_header", `第 ${header.row} 行：列“${cell}”重复。`, {
        field: "file",
        params: { context: "duplicate", row: header.row, column: cell },
      });
    columns.push(column);
  }
  const missing =
    REQUIRED.find((column) => !columns.includes(column)) ??
    (columns.includes("term") || columns.includes("pattern") ? undefined : "term");
  if (missing)
    return fail(400, "csv_header", `第 ${header.row} 行：缺少列 ${missing}。`, {
      field: "file",
      params: { context: "missing", row: header.row, column: missing },
    });
  if (records.length === 0) return fail(400, "csv_empty", "文件里没有词条。", "file");
  const rows: TermCsvRow[] = [];
  for (const record of records) {
    if (record.fields.length > columns.length)
      return fail(
        400,
        "term_import_row",
        `第 ${record.row} 行：比表头多出 ${record.fields.length - columns.length} 列（内容里的逗号要用英文双引号括起）。`,
        {
          field: "file",
          params: {
            row: record.row,
            detail: `比表头多出 ${record.fields.length - columns.length} 列（内容里的逗号要用英文双引号括起）`,
          },
        },
      );
    const raw: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      const cell = unprotectFormula(record.fields[index] ?? "");
      raw[FIELD_OF[column]] =
        column === "category" || column === "severity" ? cell.trim().toLowerCase() : cell;
    });
    raw.term ??= null;
    raw.pattern ??= null;
    rows.push({ row: record.row, raw });
  }
  return { ok: true, rows };
}
