/**
 * What the originality check is configured with: a threshold per piece kind and the boilerplate
 * left out of the score (declared lines, global or per column, and each column's outro line).
 */
import { asc, eq, isNull, or } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { fail, type Failure } from "~/lib/result";
import { PIECE_KINDS } from "../../pieces/status-machine";
import { DEFAULT_ORIGINALITY_THRESHOLD } from "../compliance-types";
import { columnOutroLine } from "../piece-copy.server";
import type { OriginalitySettings } from "./settings-types";

/** The kind's minimum originality (0–1): its row, or 0.9. */
export function thresholdFor(db: DbOrTx, kind: string): number {
  const row = db
    .select({ threshold: schema.originalityThresholds.threshold })
    .from(schema.originalityThresholds)
    .where(eq(schema.originalityThresholds.kind, kind))
    .get();
  return row?.threshold ?? DEFAULT_ORIGINALITY_THRESHOLD;
}

/** The lines left out of a text's score: global lines, the column's lines and its outro line. */
export function boilerplateFor(db: DbOrTx, columnId: number | null): string[] {
  const lines = db
    .select({ text: schema.boilerplateLines.text })
    .from(schema.boilerplateLines)
    .where(
      columnId === null
        ? isNull(schema.boilerplateLines.columnId)
        : or(isNull(schema.boilerplateLines.columnId), eq(schema.boilerplateLines.columnId, columnId)),
    )
    .all()
    .map((row) => row.text);
  const outroLine = columnOutroLine(db, columnId);
  if (outroLine) lines.push(outroLine);
  return lines;
}

/** The refusal of a column id that names no column (400 at `columnId`), or null when it is fine. */
export function refuseUnknownColumn(db: DbOrTx, columnId: number | null): Failure | null {
  if (columnId === null) return null;
  const column = db
    .select({ id: schema.columns.id })
    .from(schema.columns)
    .where(eq(schema.columns.id, columnId))
    .get();
  return column
    ? null
    : fail(400, "bad_column", "所选栏目不存在。", { field: "columnId", params: { context: "missing" } });
}

/** The settings page's data: every kind's threshold, the declared lines, the columns. */
export function getOriginalitySettings(options: { db: DbOrTx }): OriginalitySettings {
  const { db } = options;
  const rows = new Map(
    db
      .select()
      .from(schema.originalityThresholds)
      .all()
      .map((row) => [row.kind, row]),
  );
  const columns = db
    .select({ id: schema.columns.id, name: schema.columns.name, outroLine: schema.columns.outroLine })
    .from(schema.columns)
    .orderBy(asc(schema.columns.id))
    .all();
  const names = new Map(columns.map((c) => [c.id, c.name]));
  const lines = db
    .select()
    .from(schema.boilerplateLines)
    .orderBy(asc(schema.boilerplateLines.columnId), asc(schema.boilerplateLines.id))
    .all();
  return {
    thresholds: PIECE_KINDS.map((kind) => {
      const row = rows.get(kind);
      return {
        kind,
        threshold: row?.threshold ?? DEFAULT_ORIGINALITY_THRESHOLD,
        isDefault: !row,
        updatedAt: row ? row.updatedAt.toISOString() : null,
      };
    }),
    lines: lines.map((line) => ({
      id: line.id,
      text: line.text,
      columnId: line.columnId,
      columnName: line.columnId === null ? null : (names.get(line.columnId) ?? null),
      createdAt: line.createdAt.toISOString(),
    })),
    columns,
  };
}
