import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { auditActor, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit.server";
import { analyseImport, blockedRowsFailure, type ImportCounts } from "./analyse-import.server";
import type { ManualChoice } from "./match-rows.server";
import type { ImportEncoding } from "./read-import-file.server";
import { storeImportFigures } from "./store-import-figures.server";
import { changeImport } from "./open-import.server";

/**
 * Applies a preview, all or nothing: its stored text is analysed again with the person's choices
 * (a piece or "skip" per row), any row still blocked refuses the whole import naming the row, and
 * otherwise every ready row's figures, the status "applied" and the audit entry are written in
 * one transaction. The payload is dropped: the figures are the record now.
 */
export function applyImport(options: {
  db: Db;
  actor: Actor;
  now: Date;
  timeZone: string;
  importId: number;
  manual: ReadonlyMap<number, ManualChoice>;
}): Result<{ importId: number; counts: ImportCounts }> {
  const { actor, now, importId } = options;
  return changeImport(
    options,
    (tx, row) => {
      if (row.status !== "preview" || row.payload === null)
        return fail(409, "import_not_preview", "这次导入已经应用或撤销，不能再应用。", {
          params: { status: row.status },
        });
      const analysed = analyseImport({
        tx,
        text: row.payload,
        encoding: row.encoding as ImportEncoding,
        fileName: row.fileName,
        platform: row.platform,
        asOfDay: row.asOfDay,
        manual: options.manual,
        now,
        timeZone: options.timeZone,
      });
      if (!analysed.ok) return analysed;
      const blocked = blockedRowsFailure(analysed.analysis.rows);
      if (blocked) return blocked;
      const written = storeImportFigures(tx, importId, analysed.analysis);
      tx.update(schema.metricImports)
        .set({ status: "applied", appliedAt: now, payload: null, updatedAt: now })
        .where(eq(schema.metricImports.id, importId))
        .run();
      recordAudit(tx, {
        actor: auditActor(actor),
        action: "metric_import.apply",
        entity: "metric_import",
        entityId: importId,
        before: { status: "preview" },
        after: {
          status: "applied",
          platform: row.platform,
          asOfDay: row.asOfDay,
          written,
          ...analysed.analysis.counts,
        },
        at: now,
      });
      return { ok: true as const, importId, counts: analysed.analysis.counts };
    },
    { behavior: "immediate" },
  );
}
