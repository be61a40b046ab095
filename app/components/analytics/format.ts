import { formatNumber } from "~/lib/dates";
import type { Cell, CellKind } from "~/modules/analytics/analytics-table";

/** 0.253 → "25.3%"; "—" for no rate (nothing to divide by). */
export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${(value * 100).toFixed(1)}%`;
}

/** A count with thousands separators; "—" for none. */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : formatNumber(value);
}

/** A table cell as the page shows it (a "label" cell is translated by the caller). */
export function formatCell(value: Cell, kind: CellKind): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (kind === "percent") return formatRate(value);
  if (kind === "seconds") return `${value.toFixed(1)}`;
  return formatNumber(value);
}

/** Whether a value reaches a target ("at least"); null when there is no value to judge. */
export function reaches(value: number | null | undefined, target: number | undefined): boolean | null {
  if (target === undefined || value === null || value === undefined) return null;
  return value >= target;
}

/** A target as the page writes it: rates as percentages, counts with separators. */
export function formatTarget(target: number, kind: CellKind): string {
  return kind === "percent" ? `${Math.round(target * 1000) / 10}%` : formatNumber(target);
}

/**
 * A chart's value axis from 0 to the larger of its data and the target (plus a margin), so the
 * target's reference line is always drawn, also when every value is far below it.
 */
export function targetDomain(target: number): [number, (dataMax: number) => number] {
  return [0, (dataMax: number) => Math.max(dataMax, target * 1.1)];
}
