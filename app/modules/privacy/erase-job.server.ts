import { eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import { recordAudit } from "../audit/record-audit.server";
import { PermanentJobError, type JobHandler } from "../jobs/worker.server";
import { eraseLeads } from "./erase-leads.server";
import { DELETION_JOB, type DeletionKind } from "./privacy-schemas";

/**
 * Does one deletion request: erases the person's leads and marks the request done, in one
 * transaction (a crash before the commit leaves the request pending and the leads untouched, and
 * the queue runs the job again; after it, the request is done and a rerun changes nothing).
 */
export const eraseHandler: JobHandler = async ({ job, studio }) => {
  const requestId = Number((job.payload as { requestId?: unknown }).requestId);
  const request = studio.db
    .select()
    .from(schema.deletionRequests)
    .where(eq(schema.deletionRequests.id, requestId))
    .get();
  if (!request) throw new PermanentJobError(`deletion request ${requestId} does not exist`);
  if (request.status === "done") return { result: { requestId, leadsErased: request.leadsErased ?? 0 } };
  const now = studio.now();
  const erased = studio.db.transaction((tx) => {
    const count = eraseLeads({
      tx,
      phoneHash: request.phoneHash,
      now,
      reason: request.kind as DeletionKind,
      requestId,
    });
    tx.update(schema.deletionRequests)
      .set({ status: "done", doneAt: now, leadsErased: count, error: null })
      .where(eq(schema.deletionRequests.id, requestId))
      .run();
    recordAudit(tx, {
      actor: { id: null, label: "system" },
      action: "deletion_request.done",
      entity: "deletion_request",
      entityId: requestId,
      before: { status: request.status },
      after: { status: "done", leadsErased: count },
      at: now,
    });
    return count;
  });
  return { result: { requestId, leadsErased: erased } };
};

export const privacyJobHandlers: Record<string, JobHandler> = { [DELETION_JOB]: eraseHandler };
