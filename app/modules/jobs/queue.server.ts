import { and, asc, eq, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import { schema, type Db, type DbOrTx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";

import type { JobDto } from "./job-dto";
import type { JobStatus } from "./job-status";

export type { JobDto, JobStatus };
export type JobRow = typeof schema.jobs.$inferSelect;

export function toJobDto(job: JobRow): JobDto {
  return {
    id: job.id,
    type: job.type,
    status: job.status as JobStatus,
    progress: job.progress,
    progressNote: job.progressNote,
    etaSeconds: job.etaSeconds,
    attempts: job.attempts,
    result: job.result ?? null,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Queues a job inside the caller's transaction. The same idempotency key returns the existing
 * job instead of a second one, so a double click or a retried API call queues one render.
 */
export function enqueueJob(
  tx: DbOrTx,
  options: {
    type: string;
    payload: Record<string, unknown>;
    idempotencyKey?: string;
    maxAttempts?: number;
    actor: Actor | null;
    now: Date;
  },
): { job: JobRow; created: boolean } {
  if (options.idempotencyKey) {
    const existing = tx
      .select()
      .from(schema.jobs)
      .where(eq(schema.jobs.idempotencyKey, options.idempotencyKey))
      .get();
    if (existing) return { job: existing, created: false };
  }
  const job = tx
    .insert(schema.jobs)
    .values({
      type: options.type,
      payload: options.payload,
      status: "queued",
      idempotencyKey: options.idempotencyKey ?? null,
      maxAttempts: options.maxAttempts ?? 3,
      runAfter: options.now,
      createdBy: options.actor?.id ?? null,
      createdAt: options.now,
      updatedAt: options.now,
    })
    .returning()
    .get();
  recordAudit(tx, {
    actor: auditActor(options.actor),
    action: "job.enqueue",
    entity: "job",
    entityId: job.id,
    after: { type: job.type, payload: job.payload },
    at: options.now,
  });
  return { job, created: true };
}

export function getJob(options: { db: Db; jobId: number }): JobRow | null {
  return options.db.select().from(schema.jobs).where(eq(schema.jobs.id, options.jobId)).get() ?? null;
}

/**
 * Queued jobs stop at once; a running job is asked to stop and its worker aborts it. Only whoever
 * requested the job, or an editor (reviewers of everyone's work, as for episodes), may cancel it.
 */
export function cancelJob(options: {
  db: Db;
  actor: Actor;
  jobId: number;
  now: Date;
}): Result<{ status: JobStatus }> {
  const { db, now } = options;
  return db.transaction((tx) => {
    const job = tx.select().from(schema.jobs).where(eq(schema.jobs.id, options.jobId)).get();
    if (!job) return fail(404, "not_found", "任务不存在。", { params: { context: "job" } });
    if (job.createdBy !== options.actor.id && !can(options.actor.roles, "pieces.review"))
      return fail(403, "forbidden", "只能取消自己发起的任务；取消别人的任务请找编辑。", {
        params: { context: "cancelJob" },
      });
    if (job.status !== "queued" && job.status !== "running")
      return fail(409, "finished", "任务已结束，不能取消。");
    const status: JobStatus = job.status === "queued" ? "cancelled" : "running";
    tx.update(schema.jobs)
      .set(
        job.status === "queued"
          ? { status: "cancelled", finishedAt: now, updatedAt: now, cancelRequested: true }
          : { cancelRequested: true, updatedAt: now },
      )
      .where(eq(schema.jobs.id, job.id))
      .run();
    recordAudit(tx, {
      actor: auditActor(options.actor),
      action: "job.cancel",
      entity: "job",
      entityId: job.id,
      before: { status: job.status },
      at: now,
    });
    return { ok: true as const, status };
  });
}

/**
 * Takes the oldest runnable job: queued and due, or running with an expired lease (its worker
 * died) held by another worker. A worker never takes back a job it holds itself: after an event-loop
 * stall its lease may have run out while the job still runs in this worker, and a second run would
 * share (and wipe) the first's scratch files. Jobs that have used up their attempts are failed
 * instead of run again.
 */
export function claimNextJob(options: {
  db: Db;
  workerId: string;
  leaseMs: number;
  now: Date;
  types?: string[];
}): JobRow | null {
  const { db, now } = options;
  return db.transaction(
    (tx) => {
      for (;;) {
        const runnable = or(
          and(eq(schema.jobs.status, "queued"), lte(schema.jobs.runAfter, now)),
          and(
            eq(schema.jobs.status, "running"),
            lte(schema.jobs.leaseUntil, now),
            or(isNull(schema.jobs.leaseOwner), ne(schema.jobs.leaseOwner, options.workerId)),
          ),
        );
        const candidate = tx
          .select()
          .from(schema.jobs)
          .where(options.types ? and(runnable, inArray(schema.jobs.type, options.types)) : runnable)
          .orderBy(asc(schema.jobs.runAfter), asc(schema.jobs.id))
          .limit(1)
          .get();
        if (!candidate) return null;
        if (candidate.cancelRequested) {
          tx.update(schema.jobs)
            .set({ status: "cancelled", finishedAt: now, updatedAt: now, leaseOwner: null })
            .where(eq(schema.jobs.id, candidate.id))
            .run();
          continue;
        }
        if (candidate.attempts >= candidate.maxAttempts) {
          tx.update(schema.jobs)
            .set({
              status: "failed",
              error: candidate.error ?? "任务多次中断，已停止重试。",
              finishedAt: now,
              updatedAt: now,
              leaseOwner: null,
            })
            .where(eq(schema.jobs.id, candidate.id))
            .run();
          continue;
        }
        return tx
          .update(schema.jobs)
          .set({
            status: "running",
            attempts: sql`${schema.jobs.attempts} + 1`,
            leaseOwner: options.workerId,
            leaseUntil: new Date(now.getTime() + options.leaseMs),
            startedAt: candidate.startedAt ?? now,
            updatedAt: now,
          })
          .where(eq(schema.jobs.id, candidate.id))
          .returning()
          .get();
      }
    },
    { behavior: "immediate" },
  );
}

/** Renews the lease and records progress; tells the worker whether cancel was asked. */
export function heartbeatJob(options: {
  db: Db;
  jobId: number;
  workerId: string;
  leaseMs: number;
  now: Date;
  progress?: number;
  progressNote?: string | null;
  etaSeconds?: number | null;
}): { cancelRequested: boolean; leaseLost: boolean } {
  const { db, now } = options;
  const row = db
    .update(schema.jobs)
    .set({
      leaseUntil: new Date(now.getTime() + options.leaseMs),
      updatedAt: now,
      ...(options.progress !== undefined ? { progress: Math.max(0, Math.min(1, options.progress)) } : {}),
      ...(options.progressNote !== undefined ? { progressNote: options.progressNote } : {}),
      ...(options.etaSeconds !== undefined
        ? { etaSeconds: options.etaSeconds == null ? null : Math.round(options.etaSeconds) }
        : {}),
    })
    .where(
      and(
        eq(schema.jobs.id, options.jobId),
        eq(schema.jobs.leaseOwner, options.workerId),
        eq(schema.jobs.status, "running"),
      ),
    )
    .returning({ cancelRequested: schema.jobs.cancelRequested })
    .get();
  return { cancelRequested: row?.cancelRequested ?? false, leaseLost: !row };
}

/** Ends a job, only if this worker still holds it: a job finishes exactly once. */
export function finishJob(options: {
  db: Db;
  jobId: number;
  workerId: string;
  now: Date;
  outcome:
    | { status: "succeeded"; result: Record<string, unknown> }
    | { status: "cancelled" }
    | { status: "failed"; error: string }
    | { status: "retry"; error: string; runAfter: Date };
  /** Side effects that must land with the outcome (e.g. recording a render version). */
  inTransaction?: (tx: DbOrTx) => void;
}): boolean {
  const { db, now, outcome } = options;
  return db.transaction((tx) => {
    const owned = and(
      eq(schema.jobs.id, options.jobId),
      eq(schema.jobs.leaseOwner, options.workerId),
      eq(schema.jobs.status, "running"),
    );
    const values =
      outcome.status === "retry"
        ? {
            status: "queued",
            error: outcome.error,
            runAfter: outcome.runAfter,
            leaseOwner: null,
            leaseUntil: null,
            updatedAt: now,
          }
        : {
            status: outcome.status,
            progress: outcome.status === "succeeded" ? 1 : undefined,
            result: outcome.status === "succeeded" ? outcome.result : undefined,
            error: outcome.status === "failed" ? outcome.error : null,
            etaSeconds: null,
            leaseOwner: null,
            leaseUntil: null,
            finishedAt: now,
            updatedAt: now,
          };
    const changed = tx.update(schema.jobs).set(values).where(owned).run().changes;
    if (changed !== 1) return false;
    if (outcome.status === "succeeded") options.inTransaction?.(tx);
    return true;
  });
}

/**
 * At start, jobs left running by a worker that is gone go back to the queue at once instead of
 * waiting for their lease to run out. A job whose holder may still be alive is left alone: it is
 * claimed again only once its lease expires, and never by its own worker (claimNextJob).
 */
export function requeueInterruptedJobs(options: {
  db: Db;
  now: Date;
  /** True when the lease holder is known to be dead (worker.server's `workerIsGone`). */
  holderIsGone: (leaseOwner: string | null) => boolean;
}): number {
  const { db, now } = options;
  return db.transaction(
    (tx) => {
      const orphaned = tx
        .select({ id: schema.jobs.id, leaseOwner: schema.jobs.leaseOwner })
        .from(schema.jobs)
        .where(eq(schema.jobs.status, "running"))
        .all()
        .filter((job) => options.holderIsGone(job.leaseOwner))
        .map((job) => job.id);
      if (orphaned.length === 0) return 0;
      return tx
        .update(schema.jobs)
        .set({
          status: "queued",
          leaseOwner: null,
          leaseUntil: null,
          updatedAt: now,
          progressNote: "服务重启，任务重新排队",
        })
        .where(and(eq(schema.jobs.status, "running"), inArray(schema.jobs.id, orphaned)))
        .run().changes;
    },
    { behavior: "immediate" },
  );
}
