import { schema, type Db } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import { auditActor, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit.server";
import {
  analyseImport,
  blockedRowsFailure,
  type ImportAnalysis,
  type ImportCounts,
} from "./analyse-import.server";
import { ensureDefaultAliases } from "./ensure-default-aliases.server";
import { refuseUnlessImporter } from "./import-access";
import type { ManualChoice } from "./match-rows.server";
import { readImportFile } from "./read-import-file.server";
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
export function importPlatformCsv(options: {
  db: Db;
  actor: Actor;
  now: Date;
  timeZone: string;
  bytes: Uint8Array;
  fileName: string;
  platform: string;
  asOfDay: string;
  manual: ReadonlyMap<number, ManualChoice>;
  dryRun: boolean;
}): ImportPlatformCsvResult {
  const { db, actor, now } = options;
  const refused = refuseUnlessImporter(actor);
  if (refused) return refused;
  const file = readImportFile(options);
  if (!file.ok) return file;
  // Setup, not part of the import: a refused file still leaves the studio its default aliases.
  ensureDefaultAliases({ db, now });
  return db.transaction(
    (tx) => {
      const analysed = analyseImport({ ...options, tx, text: file.text, encoding: file.encoding });
      if (!analysed.ok) return analysed;
      const { analysis } = analysed;
      if (options.dryRun) return { ok: true as const, dryRun: true as const, analysis };
      const blocked = blockedRowsFailure(analysis.rows);
      if (blocked) return blocked;
      const row = tx
        .insert(schema.metricImports)
        .values({
          platform: options.platform,
          fileName: options.fileName,
          encoding: file.encoding,
          asOfDay: options.asOfDay,
          rowCount: analysis.counts.rows,
          status: "applied",
          payload: null,
          createdBy: actor.id,
          appliedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: schema.metricImports.id })
        .get();
      const written = storeImportFigures(tx, row.id, analysis);
      recordAudit(tx, {
        actor: auditActor(actor),
        action: "metric_import.apply",
        entity: "metric_import",
        entityId: row.id,
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
        importId: row.id,
        counts: analysis.counts,
        analysis,
      };
    },
    { behavior: "immediate" },
  );
}
