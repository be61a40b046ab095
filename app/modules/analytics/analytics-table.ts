import { protectFormula } from "~/lib/csv";
import { TARGETS } from "./targets";

/** How a cell is shown on the page and written to CSV; a "label" cell holds an i18n key. */
export type CellKind = "text" | "label" | "number" | "percent" | "seconds";

export type Cell = string | number | null;

export interface TableColumn {
  key: string;
  /** An i18n key (analytics.columns.*). */
  label: string;
  kind: CellKind;
  /** The plan's target: the page marks a value that reaches it green, one below it red. */
  target?: number;
  /** The cell links to `${prefix}${row[idKey]}` on the page. */
  link?: { prefix: string; idKey: string };
}

/** A column whose header is `analytics.columns.<key>`, as nearly every column's is. */
export function column(key: string, kind: CellKind, target?: number): TableColumn {
  return target === undefined
    ? { key, label: `analytics.columns.${key}`, kind }
    : { key, label: `analytics.columns.${key}`, kind, target };
}

/**
 * The first-party figures every funnel-shaped table shows, in one order: views, visitors, plays,
 * (completes), completion rate against its target, leads, lead rate.
 */
export function firstPartyColumns(options: { completes?: boolean } = {}): TableColumn[] {
  return [
    column("views", "number"),
    column("visitors", "number"),
    column("plays", "number"),
    ...(options.completes ? [column("completes", "number")] : []),
    column("completionRate", "percent", TARGETS.completionRate),
    column("leads", "number"),
    column("leadRate", "percent"),
  ];
}

/**
 * A dashboard table as data: the page renders it and the CSV export writes it from the same
 * definition, so every table exports and the file says what the screen says.
 */
export interface AnalyticsTable {
  id: string;
  /** An i18n key (analytics.tables.*). */
  title: string;
  columns: TableColumn[];
  rows: Record<string, Cell>[];
}

/** A cell as CSV text: plain numbers (no thousands separators), rates as "23.5%", "" for none. */
export function csvCell(value: Cell, kind: CellKind): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return protectFormula(value);
  if (kind === "percent") return `${(value * 100).toFixed(1)}%`;
  if (kind === "seconds") return value.toFixed(1);
  return String(value);
}

/** The table's header (translated) and rows, ready for `toCsv`. */
export function tableRecords(table: AnalyticsTable, translate: (key: string) => string): string[][] {
  return [
    table.columns.map((column) => protectFormula(translate(column.label))),
    ...table.rows.map((row) =>
      table.columns.map((column) => {
        const value = row[column.key] ?? null;
        return column.kind === "label" && typeof value === "string"
          ? protectFormula(translate(value))
          : csvCell(value, column.kind);
      }),
    ),
  ];
}
