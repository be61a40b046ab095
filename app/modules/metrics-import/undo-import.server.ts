import { count, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { auditActor, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit.server";
import { changeImport } from "./open-import.server";

/**
 * Undoes an applied import: its status becomes "undone" and its figures stop counting, so each
 * piece's current figures on that platform are again those of its latest import still applied.
 * The rows stay, for the history and the audit.
 */
export function undoImport(options: { db: Db; actor: Actor; now: Date; importId: number }): Result {
  const { actor, now, importId } = options;
  return changeImport(
    options,
    (tx, row) => {
      if (row.status !== "applied")
        return fail(409, "import_not_applied", "只有已应用的导入可以撤销。", {
          params: { status: row.status },
        });
      tx.update(schema.metricImports)
        .set({ status: "undone", undoneAt: now, undoneBy: actor.id, updatedAt: now })
        .where(eq(schema.metricImports.id, importId))
        .run();
      const figures =
        tx
          .select({ n: count() })
          .from(schema.platformMetrics)
          .where(eq(schema.platformMetrics.importId, importId))
          .get()?.n ?? 0;
      recordAudit(tx, {
        actor: auditActor(actor),
        action: "metric_import.undo",
        entity: "metric_import",
        entityId: importId,
        before: { status: "applied" },
        after: { status: "undone", platform: row.platform, asOfDay: row.asOfDay, rows: figures },
        at: now,
      });
      return { ok: true as const };
    },
    { behavior: "immediate" },
  );
}
