import type { Result } from "~/lib/result";
import { auditActor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit.server";
import {
  analyseImport,
  blockedRowsFailure,
  type ImportAnalysis,
  type ImportCounts,
} from "./analyse-import.server";
import type { ManualChoice } from "./match-rows.server";
import { insertImportRow, openImport, type ImportUpload } from "./open-import.server";
import { storeImportFigures } from "./store-import-figures.server";

export type ImportPlatformCsvResult = Result<
  | { dryRun: true; analysis: ImportAnalysis }
  | { dryRun: false; importId: number; counts: ImportCounts; analysis: ImportAnalysis }
>;

/**
 * Upload and apply in one step (the API, the demo seed): the same reading, matching and checks as
 * the preview, with the choices given up front. `dryRun` answers the analysis and stores nothing;
 * otherwise a blocked row refuses the import (nothing stored, the row named), and the import, its
 * figures and the audit entry are written in one transaction.
 */
export function importPlatformCsv(
  options: ImportUpload & { manual: ReadonlyMap<number, ManualChoice>; dryRun: boolean },
): ImportPlatformCsvResult {
  const { db, actor, now } = options;
  const file = openImport(options);
  if (!file.ok) return file;
  return db.transaction(
    (tx) => {
      const analysed = analyseImport({ ...options, tx, text: file.text, encoding: file.encoding });
      if (!analysed.ok) return analysed;
      const { analysis } = analysed;
      if (options.dryRun) return { ok: true as const, dryRun: true as const, analysis };
      const blocked = blockedRowsFailure(analysis.rows);
      if (blocked) return blocked;
      const importId = insertImportRow(tx, options, file, analysis.counts.rows, { status: "applied" });
      const written = storeImportFigures(tx, importId, analysis);
      recordAudit(tx, {
        actor: auditActor(actor),
        action: "metric_import.apply",
        entity: "metric_import",
        entityId: importId,
        after: {
          status: "applied",
          platform: options.platform,
          asOfDay: options.asOfDay,
          fileName: options.fileName,
          encoding: file.encoding,
          written,
          ...analysis.counts,
        },
        at: now,
      });
      return {
        ok: true as const,
        dryRun: false as const,
        importId,
        counts: analysis.counts,
        analysis,
      };
    },
    { behavior: "immediate" },
  );
}
