import { parseCsv, unprotectFormula } from "~/lib/csv";
import { fail, type Failure } from "~/lib/result";
import { emptyFigures, FIGURE_KEY, type Figures, type FigureField, type MetricField } from "./metric-fields";
import { parseCount, parseDay, parseDuration, parsePercent } from "./parse-figures";

/** At most this many data rows per file: a year of daily posts on every account, with room. */
export const IMPORT_MAX_ROWS = 10_000;

/** What is wrong with one row (or, for the match kinds, what keeps it from being applied). */
export type ProblemKind =
  | "badNumber"
  | "badPercent"
  | "badDuration"
  | "noFigures"
  | "extraCells"
  | "unmatched"
  | "ambiguous"
  | "samePiece"
  | "unknownPiece";

export interface RowProblem {
  problem: ProblemKind;
  /** The header of the cell, for the cell problems. */
  column?: string;
  value?: string;
  /** How many pieces share the title (ambiguous), how many cells too many (extraCells). */
  count?: number;
  /** The other row matched to the same piece (samePiece). */
  other?: number;
}

export interface ExportRow {
  /** The row as a spreadsheet numbers it (the header is row 1 when it is the first line). */
  row: number;
  title: string | null;
  url: string | null;
  platformId: string | null;
  publishedDay: string | null;
  figures: Figures;
  problems: RowProblem[];
}

export interface ExportColumn {
  header: string;
  /** What the column means; null when no alias names it (ignored). */
  field: MetricField | null;
  /** Why a column is ignored: no alias, or a second column for a field already read. */
  ignored?: "unknown" | "duplicate";
}

export interface ExportTable {
  headerRow: number;
  columns: ExportColumn[];
  rows: ExportRow[];
}

/** A header as the alias table compares it: NFKC, no spaces, lower case. */
export function aliasKey(header: string): string {
  return header
    .normalize("NFKC")
    .replace(/[\s\uFEFF]+/g, "")
    .toLowerCase();
}

/** "完播率(%)", "平均播放时长（秒）": the unit in brackets is not part of the name. */
function withoutUnit(key: string): string {
  return key.replace(/\([^()]*\)$/, "");
}

function fieldOf(header: string, aliases: ReadonlyMap<string, MetricField>): MetricField | null {
  const key = aliasKey(header);
  return aliases.get(key) ?? aliases.get(withoutUnit(key)) ?? null;
}

function readCell(field: FigureField, cell: string): number | null | undefined {
  switch (field) {
    case "completion_rate":
      return parsePercent(cell);
    case "avg_watch_seconds":
      return parseDuration(cell);
    case "follower_gain":
      return parseCount(cell, { allowNegative: true });
    default:
      return parseCount(cell);
  }
}

const PROBLEM_OF: Partial<Record<FigureField, ProblemKind>> = {
  completion_rate: "badPercent",
  avg_watch_seconds: "badDuration",
};

function csvFailure(problem: string, row: number): Failure {
  if (problem === "too_many_rows")
    return fail(400, "csv_malformed", `文件超过 ${IMPORT_MAX_ROWS} 行，请分批导入。`, {
      field: "file",
      params: { context: "tooManyRows", row, max: IMPORT_MAX_ROWS },
    });
  const context =
    problem === "unclosed_quote"
      ? "unclosedQuote"
      : problem === "stray_quote"
        ? "strayQuote"
        : "textAfterQuote";
  return fail(400, "csv_malformed", `第 ${row} 行：CSV 格式有误。`, {
    field: "file",
    params: { context, row },
  });
}

/**
 * A platform export's text as rows: headers mapped through the aliases (`aliasKey` → field),
 * every figure read, each row's problems listed rather than stopping at the first. The header is
 * the first of the opening lines that names at least one known column (exports often start with a
 * line such as “数据更新时间：…”). Refuses a malformed file, one without data rows, and one
 * without a plays or reads column — the figure every platform has and every dashboard needs.
 */
export function readExport(text: string, aliases: ReadonlyMap<string, MetricField>): ExportTable | Failure {
  const parsed = parseCsv(text, { maxRows: IMPORT_MAX_ROWS + 10 });
  if (!parsed.ok) return csvFailure(parsed.problem, parsed.row);
  const headerIndex = parsed.records
    .slice(0, 5)
    .findIndex((record) => record.fields.some((cell) => fieldOf(cell, aliases) !== null));
  const header = parsed.records[Math.max(headerIndex, 0)];
  if (!header)
    return fail(400, "csv_empty", "文件里没有数据行。", { field: "file", params: { context: "metrics" } });

  const seen = new Set<MetricField>();
  const columns: ExportColumn[] = header.fields.map((cell) => {
    const headerText = cell.trim();
    const field = fieldOf(headerText, aliases);
    if (!field) return { header: headerText, field: null, ignored: "unknown" };
    if (seen.has(field)) return { header: headerText, field: null, ignored: "duplicate" };
    seen.add(field);
    return { header: headerText, field };
  });
  if (!seen.has("plays") && !seen.has("reads"))
    return fail(
      400,
      "import_no_figures",
      "找不到播放量或阅读量列：请检查表头，或在“列名别名”里添加这一列的名称。",
      {
        field: "file",
        params: {
          row: header.row,
          columns: columns
            .map((c) => c.header)
            .filter(Boolean)
            .join("、"),
        },
      },
    );
  const records = parsed.records.slice(Math.max(headerIndex, 0) + 1);
  if (records.length === 0)
    return fail(400, "csv_empty", "文件里没有数据行。", { field: "file", params: { context: "metrics" } });

  const rows = records.map((record): ExportRow => {
    const out: ExportRow = {
      row: record.row,
      title: null,
      url: null,
      platformId: null,
      publishedDay: null,
      figures: emptyFigures(),
      problems: [],
    };
    if (record.fields.length > columns.length && record.fields.slice(columns.length).some((c) => c.trim()))
      out.problems.push({ problem: "extraCells", count: record.fields.length - columns.length });
    columns.forEach((column, index) => {
      const cell = unprotectFormula((record.fields[index] ?? "").trim());
      switch (column.field) {
        case null:
          return;
        case "title":
          out.title = cell || null;
          return;
        case "url":
          out.url = cell || null;
          return;
        case "platform_id":
          out.platformId = cell || null;
          return;
        case "published_at":
          out.publishedDay = parseDay(cell);
          return;
        default: {
          const value = readCell(column.field, cell);
          if (value === undefined)
            out.problems.push({
              problem: PROBLEM_OF[column.field] ?? "badNumber",
              column: column.header,
              value: cell,
            });
          else out.figures[FIGURE_KEY[column.field]] = value;
        }
      }
    });
    if (out.figures.plays === null && out.figures.reads === null && !out.problems.some((p) => p.column))
      out.problems.push({ problem: "noFigures" });
    return out;
  });
  return { headerRow: header.row, columns, rows };
}
