import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { Studio } from "~/lib/studio.server";
import { recordAudit, type AuditEntry } from "~/modules/audit/record-audit.server";

/**
 * `count` entries a system actor writes to the audit chain (action "test.write" on entity "thing",
 * ids 0, 1, …), each with what `after` returns for its index, if given.
 */
export function recordTestEntries(db: DbOrTx, count: number, after?: (i: number) => AuditEntry["after"]) {
  for (let i = 0; i < count; i++)
    recordAudit(db, {
      actor: { id: null, label: "system" },
      action: "test.write",
      entity: "thing",
      entityId: i,
      after: after?.(i),
      at: new Date(),
    });
}

/** The audit entries with one action, oldest first: what a test checks a change wrote once. */
export const auditRows = (studio: Studio, action: string) =>
  studio.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, action)).all();
