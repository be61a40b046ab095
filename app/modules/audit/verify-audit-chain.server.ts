import { asc } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { GENESIS_HASH, hashAuditRow } from "./record-audit.server";

export type AuditChainReport =
  { ok: true; entries: number } | { ok: false; entries: number; brokenAtId: number; reason: string };

export function verifyAuditChain(options: { db: Db }): AuditChainReport {
  let prevHash = GENESIS_HASH;
  let entries = 0;
  for (const row of options.db.select().from(schema.auditLog).orderBy(asc(schema.auditLog.id)).all()) {
    entries++;
    if (row.prevHash !== prevHash)
      return { ok: false, entries, brokenAtId: row.id, reason: "previous hash does not match" };
    const expected = hashAuditRow({ ...row, at: row.at.getTime() });
    if (expected !== row.hash)
      return { ok: false, entries, brokenAtId: row.id, reason: "row content does not match its hash" };
    prevHash = row.hash;
  }
  return { ok: true, entries };
}
