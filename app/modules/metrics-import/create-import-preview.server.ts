import type { Db } from "~/lib/db.server";
import { schema } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import { auditActor, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit.server";
import { analyseImport, type ImportCounts } from "./analyse-import.server";
import { ensureDefaultAliases } from "./ensure-default-aliases.server";
import { refuseUnlessImporter } from "./import-access";
import { readImportFile } from "./read-import-file.server";

/**
 * Stores an uploaded export as a preview (status "preview", the decoded text as its payload):
 * nothing reaches the figures until someone applies it. A file that cannot be read at all (type,
 * size, encoding, no plays or reads column) is refused and nothing is stored; row problems are
 * for the preview to show.
 */
export function createImportPreview(options: {
  db: Db;
  actor: Actor;
  now: Date;
  timeZone: string;
  bytes: Uint8Array;
  fileName: string;
  platform: string;
  asOfDay: string;
}): Result<{ importId: number; counts: ImportCounts }> {
  const { db, actor, now } = options;
  const refused = refuseUnlessImporter(actor);
  if (refused) return refused;
  const file = readImportFile(options);
  if (!file.ok) return file;
  // Setup, not part of the import: a refused file still leaves the studio its default aliases.
  ensureDefaultAliases({ db, now });
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
      const row = tx
        .insert(schema.metricImports)
        .values({
          platform: options.platform,
          fileName: options.fileName,
          encoding: file.encoding,
          asOfDay: options.asOfDay,
          rowCount: analysis.counts.rows,
          status: "preview",
          payload: file.text,
          createdBy: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: schema.metricImports.id })
        .get();
      recordAudit(tx, {
        actor: auditActor(actor),
        action: "metric_import.preview",
        entity: "metric_import",
        entityId: row.id,
        after: {
          platform: options.platform,
          asOfDay: options.asOfDay,
          fileName: options.fileName,
          encoding: file.encoding,
          ...analysis.counts,
        },
        at: now,
      });
      return { ok: true as const, importId: row.id, counts: analysis.counts };
    },
    { behavior: "immediate" },
  );
}
