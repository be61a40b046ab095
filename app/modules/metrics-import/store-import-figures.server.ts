import { schema, type DbOrTx } from "~/lib/db.server";
import type { ImportAnalysis } from "./analyse-import.server";

/**
 * Writes the figures of an analysed import's ready rows under the import's id. The caller has
 * refused blocked rows and runs this in the transaction that marks the import applied.
 */
export function storeImportFigures(tx: DbOrTx, importId: number, analysis: ImportAnalysis): number {
  const rows = analysis.rows
    .filter((r) => !r.skipped && !r.blocking && r.match)
    .map((r) => ({
      importId,
      rowNumber: r.row,
      pieceId: r.match!.pieceId,
      slotId: r.match!.slotId,
      platform: analysis.platform,
      asOfDay: analysis.asOfDay,
      ...r.figures,
    }));
  for (let i = 0; i < rows.length; i += 500)
    tx.insert(schema.platformMetrics)
      .values(rows.slice(i, i + 500))
      .run();
  return rows.length;
}
