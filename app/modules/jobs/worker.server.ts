import crypto from "node:crypto";
import type { Studio } from "~/lib/studio.server";
import type { Logger } from "~/lib/logger.server";
import type { DbOrTx } from "~/lib/db.server";
import { claimNextJob, finishJob, heartbeatJob, requeueInterruptedJobs, type JobRow } from "./queue.server";

export interface JobContext {
  job: JobRow;
  studio: Studio;
  signal: AbortSignal;
  logger: Logger;
  /** fraction 0..1; cheap to call often, written at most every few hundred ms. */
  reportProgress: (fraction: number, note?: string | null, etaSeconds?: number | null) => void;
}

export interface JobOutcome {
  result: Record<string, unknown>;
  /** Writes that must commit together with the job's success. */
  commit?: (tx: DbOrTx) => void;
}

export type JobHandler = (ctx: JobContext) => Promise<JobOutcome>;

/** A failure that retrying cannot fix (bad input, missing file): the job fails at once. */
export class PermanentJobError extends Error {}

export interface WorkerOptions {
  studio: Studio;
  handlers: Record<string, JobHandler>;
  logger: Logger;
  concurrency?: number;
  pollMs?: number;
  leaseMs?: number;
  heartbeatMs?: number;
  backoffBaseMs?: number;
  /** Re-queue jobs left running by dead workers at start (off when boot did it once for all lanes). */
  recoverInterrupted?: boolean;
  name?: string;
}

export interface Worker {
  id: string;
  stop: () => Promise<void>;
  /** Resolves when no job is running (for tests). */
  idle: () => Promise<void>;
  running: () => number;
  lastTickAt: () => Date | null;
}

/** Worker ids of this process that are running now (kept on globalThis: dev rebuilds reload modules). */
const liveWorkers = ((globalThis as unknown as { __liveWorkerIds?: Set<string> }).__liveWorkerIds ??=
  new Set<string>());

const WORKER_ID = /^worker-.+-(\d+)-[0-9a-f]+$/;

function newWorkerId(name: string): string {
  return `worker-${name}-${process.pid}-${crypto.randomBytes(3).toString("hex")}`;
}

/**
 * Whether a lease holder is known to be dead: a worker of this process that has stopped (or of an
 * earlier process with the same pid, as in a restarted container), or of a process that no longer
 * exists. Anything unsure (a live or unknown process) counts as alive, so its lease is respected.
 * Process ids are only meaningful on this machine, which SQLite's WAL mode requires anyway.
 */
export function workerIsGone(leaseOwner: string | null): boolean {
  if (!leaseOwner) return true;
  if (liveWorkers.has(leaseOwner)) return false;
  const pid = Number(WORKER_ID.exec(leaseOwner)?.[1]);
  if (!pid) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Puts jobs whose worker died back on the queue at once; live workers' jobs keep their lease. */
export function recoverInterruptedJobs(studio: Studio, logger: Logger): void {
  const requeued = requeueInterruptedJobs({ db: studio.db, now: studio.now(), holderIsGone: workerIsGone });
  if (requeued) logger.info({ requeued }, "requeued jobs interrupted by a restart");
}

/** One worker loop inside the server process; leases make it safe across crashes. */
export function startWorker(options: WorkerOptions): Worker {
  const { studio, logger } = options;
  const id = newWorkerId(options.name ?? "main");
  const concurrency = options.concurrency ?? 1;
  const pollMs = options.pollMs ?? 500;
  const leaseMs = options.leaseMs ?? 30_000;
  const heartbeatMs = options.heartbeatMs ?? Math.min(5_000, leaseMs / 3);
  const backoffBaseMs = options.backoffBaseMs ?? 5_000;
  const active = new Map<number, { abort: AbortController; cancelled: boolean; done: Promise<void> }>();
  let stopped = false;
  let lastTick: Date | null = null;

  if (options.recoverInterrupted ?? true) recoverInterruptedJobs(studio, logger);
  liveWorkers.add(id);

  async function run(job: JobRow) {
    const abort = new AbortController();
    const entry = { abort, cancelled: false, done: Promise.resolve() };
    active.set(job.id, entry);
    let pending: { fraction?: number; note?: string | null; eta?: number | null } = {};
    const beat = () => {
      const hb = heartbeatJob({
        db: studio.db,
        jobId: job.id,
        workerId: id,
        leaseMs,
        now: studio.now(),
        progress: pending.fraction,
        progressNote: pending.note,
        etaSeconds: pending.eta,
      });
      pending = {};
      if ((hb.cancelRequested || hb.leaseLost) && !abort.signal.aborted) {
        entry.cancelled = hb.cancelRequested && !hb.leaseLost;
        abort.abort(new Error(entry.cancelled ? "cancelled" : "lease lost"));
      }
    };
    let lastWrite = 0;
    const timer = setInterval(beat, heartbeatMs);
    const ctx: JobContext = {
      job,
      studio,
      logger: logger.child({ jobId: job.id, jobType: job.type }),
      signal: abort.signal,
      reportProgress: (fraction, note, etaSeconds) => {
        pending = { fraction, note: note ?? pending.note, eta: etaSeconds ?? pending.eta };
        if (Date.now() - lastWrite > 250) {
          lastWrite = Date.now();
          beat();
        }
      },
    };
    const done = (async () => {
      await Promise.resolve();
      try {
        const handler = options.handlers[job.type];
        if (!handler) throw new PermanentJobError(`no handler for job type ${job.type}`);
        const outcome = await handler(ctx);
        clearInterval(timer);
        if (abort.signal.aborted) throw abort.signal.reason ?? new Error("cancelled");
        finishJob({
          db: studio.db,
          jobId: job.id,
          workerId: id,
          now: studio.now(),
          outcome: { status: "succeeded", result: outcome.result },
          inTransaction: outcome.commit,
        });
        ctx.logger.info("job succeeded");
      } catch (error) {
        clearInterval(timer);
        const message = error instanceof Error ? error.message : String(error);
        const now = studio.now();
        if (entry.cancelled) {
          finishJob({ db: studio.db, jobId: job.id, workerId: id, now, outcome: { status: "cancelled" } });
          ctx.logger.info("job cancelled");
        } else if (error instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
          finishJob({
            db: studio.db,
            jobId: job.id,
            workerId: id,
            now,
            outcome: { status: "failed", error: message },
          });
          ctx.logger.error({ err: message }, "job failed");
        } else {
          const runAfter = new Date(now.getTime() + backoffBaseMs * 2 ** (job.attempts - 1));
          finishJob({
            db: studio.db,
            jobId: job.id,
            workerId: id,
            now,
            outcome: { status: "retry", error: message, runAfter },
          });
          ctx.logger.warn({ err: message, runAfter }, "job will retry");
        }
      } finally {
        active.delete(job.id);
      }
    })();
    entry.done = done;
  }

  let timeout: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    lastTick = studio.now();
    try {
      while (active.size < concurrency) {
        const job = claimNextJob({
          db: studio.db,
          workerId: id,
          leaseMs,
          now: studio.now(),
          types: Object.keys(options.handlers),
        });
        if (!job) break;
        void run(job);
      }
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, "worker tick failed");
    }
    timeout = setTimeout(tick, pollMs);
  };
  timeout = setTimeout(tick, 0);

  return {
    id,
    running: () => active.size,
    lastTickAt: () => lastTick,
    idle: async () => {
      while (active.size) await Promise.all([...active.values()].map((a) => a.done));
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timeout);
      for (const a of active.values()) a.abort.abort(new Error("lease lost"));
      await Promise.allSettled([...active.values()].map((a) => a.done));
      liveWorkers.delete(id);
    },
  };
}
