import crypto from "node:crypto";
import { desc } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";

export interface AuditActor {
  id: number | null;
  label: string;
}

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  at: Date;
}

export const GENESIS_HASH = "0".repeat(64);

/** The exact bytes a row's hash covers; shared by the writer and the chain check. */
export function auditHashInput(row: {
  prevHash: string;
  at: number;
  actorId: number | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
}): string {
  return JSON.stringify([
    row.prevHash,
    row.at,
    row.actorId,
    row.actorLabel,
    row.action,
    row.entity,
    row.entityId,
    row.summary,
  ]);
}

export function hashAuditRow(input: Parameters<typeof auditHashInput>[0]): string {
  return crypto.createHash("sha256").update(auditHashInput(input)).digest("hex");
}

/**
 * Appends one entry. Call it inside the transaction that makes the change, so the change and
 * its record land together or not at all.
 */
export function recordAudit(tx: DbOrTx, entry: AuditEntry): void {
  const last = tx
    .select({ hash: schema.auditLog.hash })
    .from(schema.auditLog)
    .orderBy(desc(schema.auditLog.id))
    .limit(1)
    .get();
  const row = {
    prevHash: last?.hash ?? GENESIS_HASH,
    at: entry.at.getTime(),
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    summary: JSON.stringify({ before: entry.before ?? null, after: entry.after ?? null }),
  };
  tx.insert(schema.auditLog)
    .values({ ...row, at: entry.at, hash: hashAuditRow(row) })
    .run();
}
