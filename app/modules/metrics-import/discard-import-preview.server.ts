import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { auditActor, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit.server";
import { changeImport } from "./open-import.server";

/** Drops a preview nobody will apply (it never wrote figures); applied imports are undone instead. */
export function discardImportPreview(options: { db: Db; actor: Actor; now: Date; importId: number }): Result {
  const { actor, now, importId } = options;
  return changeImport(options, (tx, row) => {
    if (row.status !== "preview")
      return fail(409, "import_not_preview", "这次导入已经应用或撤销，不能丢弃。", {
        params: { status: row.status },
      });
    tx.delete(schema.metricImports).where(eq(schema.metricImports.id, importId)).run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "metric_import.discard",
      entity: "metric_import",
      entityId: importId,
      before: {
        status: "preview",
        platform: row.platform,
        asOfDay: row.asOfDay,
        fileName: row.fileName,
        rows: row.rowCount,
      },
      at: now,
    });
    return { ok: true as const };
  });
}
