import type { Result } from "~/lib/result";
import { auditActor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit.server";
import { analyseImport, type ImportCounts } from "./analyse-import.server";
import { insertImportRow, openImport, type ImportUpload } from "./open-import.server";

/**
 * Stores an uploaded export as a preview (status "preview", the decoded text as its payload):
 * nothing reaches the figures until someone applies it. A file that cannot be read at all (type,
 * size, encoding, no plays or reads column) is refused and nothing is stored; row problems are
 * for the preview to show.
 */
export function createImportPreview(
  options: ImportUpload,
): Result<{ importId: number; counts: ImportCounts }> {
  const { db, actor, now } = options;
  const file = openImport(options);
  if (!file.ok) return file;
  return db.transaction(
    (tx) => {
      const analysed = analyseImport({
        ...options,
        tx,
        text: file.text,
        encoding: file.encoding,
        manual: new Map(),
      });
      if (!analysed.ok) return analysed;
      const { analysis } = analysed;
      const importId = insertImportRow(tx, options, file, analysis.counts.rows, {
        status: "preview",
        payload: file.text,
      });
      recordAudit(tx, {
        actor: auditActor(actor),
        action: "metric_import.preview",
        entity: "metric_import",
        entityId: importId,
        after: {
          platform: options.platform,
          asOfDay: options.asOfDay,
          fileName: options.fileName,
          encoding: file.encoding,
          ...analysis.counts,
        },
        at: now,
      });
      return { ok: true as const, importId, counts: analysis.counts };
    },
    { behavior: "immediate" },
  );
}
