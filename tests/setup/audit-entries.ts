import type { DbOrTx } from "~/lib/db.server";
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
