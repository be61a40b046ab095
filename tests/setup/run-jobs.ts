import { expect } from "vitest";
import { schema } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import type { Studio } from "~/lib/studio.server";
import { startWorker, type WorkerOptions } from "~/modules/jobs/worker.server";

/** Runs the queued jobs in this process, with a fast-polling worker, until none is queued or running. */
export async function runQueuedJobs(
  studio: Studio,
  options: Pick<WorkerOptions, "handlers" | "backoffBaseMs"> & { timeout: number },
) {
  const worker = startWorker({
    studio,
    handlers: options.handlers,
    logger,
    pollMs: 20,
    backoffBaseMs: options.backoffBaseMs,
  });
  try {
    await expect
      .poll(
        () =>
          studio.db
            .select()
            .from(schema.jobs)
            .all()
            .filter((j) => j.status === "queued" || j.status === "running").length,
        { timeout: options.timeout, interval: 50 },
      )
      .toBe(0);
    await worker.idle();
  } finally {
    await worker.stop();
  }
}
