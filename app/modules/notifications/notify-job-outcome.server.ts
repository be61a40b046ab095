import type { DbOrTx } from "~/lib/db.server";
import { PermanentJobError, type JobHandler } from "../jobs/worker.server";
import { notify } from "./notify.server";

/**
 * Wraps a render or build handler so whoever asked hears how it ended: on success the
 * notification lands in the job's own commit (with the render or build row); on the last failure
 * it is written just before the worker marks the job failed. A retry, a cancel or a lost lease
 * tells nobody: the job has not ended.
 */
export function notifyJobOutcome(job: "render" | "build", handler: JobHandler): JobHandler {
  return async (ctx) => {
    const pieceId = Number(ctx.job.payload.pieceId);
    const event = { pieceId, jobId: ctx.job.id, job, requesterId: ctx.job.createdBy };
    try {
      const outcome = await handler(ctx);
      if (!Number.isInteger(pieceId)) return outcome;
      return {
        ...outcome,
        commit: (tx: DbOrTx) => {
          outcome.commit?.(tx);
          notify({ db: tx, now: ctx.studio.now(), event: { type: "job_finished", ...event } });
        },
      };
    } catch (error) {
      const final = error instanceof PermanentJobError || ctx.job.attempts >= ctx.job.maxAttempts;
      if (final && !ctx.signal.aborted && Number.isInteger(pieceId)) {
        const message = error instanceof Error ? error.message : String(error);
        ctx.studio.db.transaction((tx) =>
          notify({ db: tx, now: ctx.studio.now(), event: { type: "job_failed", ...event, error: message } }),
        );
      }
      throw error;
    }
  };
}
