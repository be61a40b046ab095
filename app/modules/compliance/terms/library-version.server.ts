import { schema, type Tx } from "~/lib/db.server";
import { recordAudit } from "../../audit/record-audit.server";
import { auditActor, type Actor } from "../../auth/actor";
import { enqueueJob } from "../../jobs/queue.server";
import { currentLibraryVersion, loadTermRows, rowToEntry } from "./term-rows.server";
import type { LibraryCause } from "./term-types";

/** The job a library change queues: re-check the pieces against the new version. */
export const COMPLIANCE_RESCAN_JOB = "compliance_rescan";

export interface LibraryChange {
  cause: LibraryCause;
  actor: Actor | null;
  now: Date;
  note?: string | null;
  /** The change's audit entry; its `after` gains the new version and the term count. */
  audit: {
    action: string;
    entity: string;
    entityId?: string | number | null;
    before?: unknown;
    after?: Record<string, unknown>;
  };
}

/**
 * The one writer of library versions. Called inside the transaction that changed
 * `compliance_terms`, after the change: snapshots the whole library as the next version, writes
 * the change's audit entry, and queues the rescan of the pieces against the new version (keyed
 * by version, so it is queued once). A seed queues no rescan: nothing has been checked yet.
 */
export function commitLibraryVersion(tx: Tx, change: LibraryChange): { version: number; termCount: number } {
  const terms = loadTermRows(tx).map(rowToEntry);
  const version = currentLibraryVersion(tx) + 1;
  tx.insert(schema.termLibraryVersions)
    .values({
      version,
      cause: change.cause,
      note: change.note ?? null,
      termCount: terms.length,
      terms,
      actorId: change.actor?.id ?? null,
      createdAt: change.now,
    })
    .run();
  recordAudit(tx, {
    actor: auditActor(change.actor),
    action: change.audit.action,
    entity: change.audit.entity,
    entityId: change.audit.entityId ?? version,
    before: change.audit.before,
    after: { ...change.audit.after, version, termCount: terms.length },
    at: change.now,
  });
  if (change.cause !== "seed")
    enqueueJob(tx, {
      type: COMPLIANCE_RESCAN_JOB,
      payload: { version },
      idempotencyKey: `${COMPLIANCE_RESCAN_JOB}:${version}`,
      actor: change.actor,
      now: change.now,
    });
  return { version, termCount: terms.length };
}
