import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestStudio, type TestStudio } from "../../../tests/setup/test-studio";
import { logger } from "~/lib/logger.server";
import { spawnSync } from "node:child_process";
import { cancelJob, claimNextJob, enqueueJob, finishJob, getJob, heartbeatJob } from "./queue.server";
import {
  PermanentJobError,
  recoverInterruptedJobs,
  startWorker,
  workerIsGone,
  type JobHandler,
} from "./worker.server";

let t: TestStudio;
let clock: number;
const admin = { id: 1, email: "a@x", name: "a", roles: ["admin" as const] };

beforeEach(() => {
  clock = Date.parse("2026-03-01T00:00:00Z");
  t = createTestStudio({ now: () => new Date(clock) });
});
afterEach(() => t.cleanup());

const enqueue = (key?: string, maxAttempts = 3) =>
  enqueueJob(t.studio.db, {
    type: "test.echo",
    payload: { n: 1 },
    idempotencyKey: key,
    maxAttempts,
    actor: null,
    now: new Date(clock),
  });

describe("job queue", () => {
  it("queues one job per idempotency key", () => {
    const first = enqueue("render:1:v1");
    const second = enqueue("render:1:v1");
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.job.id).toBe(first.job.id);
  });

  it("hands a job to one worker at a time and lets another take it after the lease expires", () => {
    const { job } = enqueue();
    const a = claimNextJob({ db: t.studio.db, workerId: "a", leaseMs: 10_000, now: new Date(clock) });
    expect(a?.id).toBe(job.id);
    expect(
      claimNextJob({ db: t.studio.db, workerId: "b", leaseMs: 10_000, now: new Date(clock) }),
    ).toBeNull();
    clock += 11_000;
    const b = claimNextJob({ db: t.studio.db, workerId: "b", leaseMs: 10_000, now: new Date(clock) });
    expect(b?.id).toBe(job.id);
    expect(b?.attempts).toBe(2);
    // The first worker lost its lease: it can neither renew nor finish the job.
    expect(
      heartbeatJob({ db: t.studio.db, jobId: job.id, workerId: "a", leaseMs: 10_000, now: new Date(clock) })
        .leaseLost,
    ).toBe(true);
    expect(
      finishJob({
        db: t.studio.db,
        jobId: job.id,
        workerId: "a",
        now: new Date(clock),
        outcome: { status: "succeeded", result: {} },
      }),
    ).toBe(false);
    expect(
      finishJob({
        db: t.studio.db,
        jobId: job.id,
        workerId: "b",
        now: new Date(clock),
        outcome: { status: "succeeded", result: { ok: 1 } },
      }),
    ).toBe(true);
    expect(getJob({ db: t.studio.db, jobId: job.id })).toMatchObject({
      status: "succeeded",
      result: { ok: 1 },
      progress: 1,
    });
  });

  it("never hands a worker back a job it still holds, even once its lease has run out", () => {
    const { job } = enqueue();
    const claim = (workerId: string) =>
      claimNextJob({ db: t.studio.db, workerId, leaseMs: 10_000, now: new Date(clock) });
    expect(claim("a")?.id).toBe(job.id);
    // An event-loop stall: no heartbeat for longer than the lease while "a" still runs the job.
    clock += 60_000;
    expect(claim("a")).toBeNull();
    expect(getJob({ db: t.studio.db, jobId: job.id })).toMatchObject({ leaseOwner: "a", attempts: 1 });
    // Once "a" renews the lease nobody may take it; if it does not, another worker may.
    expect(
      heartbeatJob({ db: t.studio.db, jobId: job.id, workerId: "a", leaseMs: 10_000, now: new Date(clock) })
        .leaseLost,
    ).toBe(false);
    expect(claim("b")).toBeNull();
    clock += 11_000;
    expect(claim("b")).toMatchObject({ id: job.id, leaseOwner: "b", attempts: 2 });
  });

  it("puts back at start only jobs whose worker is gone; a live worker keeps its lease", () => {
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    const deadPid = Number(dead.stdout.toString());
    const holders = {
      live: `worker-video-${process.ppid}-abc123`,
      dead: `worker-video-${deadPid}-abc123`,
      samePidEarlierProcess: `worker-video-${process.pid}-abc123`,
      unknown: "someone-else",
    };
    expect(workerIsGone(holders.live)).toBe(false);
    expect(workerIsGone(holders.dead)).toBe(true);
    expect(workerIsGone(holders.samePidEarlierProcess)).toBe(true);
    expect(workerIsGone(holders.unknown)).toBe(false);
    const ids = Object.fromEntries(
      Object.entries(holders).map(([name, holder]) => {
        const { job } = enqueue();
        claimNextJob({ db: t.studio.db, workerId: holder, leaseMs: 30_000, now: new Date(clock) });
        return [name, job.id];
      }),
    );
    recoverInterruptedJobs(t.studio, logger);
    const status = (id: number) => getJob({ db: t.studio.db, jobId: id });
    expect(status(ids.live)).toMatchObject({ status: "running", leaseOwner: holders.live });
    expect(status(ids.unknown)).toMatchObject({ status: "running", leaseOwner: holders.unknown });
    expect(status(ids.dead)).toMatchObject({ status: "queued", leaseOwner: null });
    expect(status(ids.samePidEarlierProcess)).toMatchObject({ status: "queued", leaseOwner: null });
    // The live worker's job is not claimable while its lease holds; the requeued ones are.
    const claimed = [1, 2, 3].map(
      () =>
        claimNextJob({ db: t.studio.db, workerId: "next", leaseMs: 30_000, now: new Date(clock) })?.id ??
        null,
    );
    expect(claimed).toEqual([ids.dead, ids.samePidEarlierProcess, null]);
  });

  it("fails a job that keeps getting interrupted once its attempts are used up", () => {
    const { job } = enqueue(undefined, 2);
    claimNextJob({ db: t.studio.db, workerId: "a", leaseMs: 1000, now: new Date(clock) });
    clock += 2000;
    claimNextJob({ db: t.studio.db, workerId: "b", leaseMs: 1000, now: new Date(clock) });
    clock += 2000;
    expect(claimNextJob({ db: t.studio.db, workerId: "c", leaseMs: 1000, now: new Date(clock) })).toBeNull();
    expect(getJob({ db: t.studio.db, jobId: job.id })?.status).toBe("failed");
  });

  it("cancels a queued job at once and refuses to cancel a finished one", () => {
    const { job } = enqueue();
    expect(cancelJob({ db: t.studio.db, actor: admin, jobId: job.id, now: new Date(clock) })).toMatchObject({
      ok: true,
      status: "cancelled",
    });
    expect(claimNextJob({ db: t.studio.db, workerId: "a", leaseMs: 1000, now: new Date(clock) })).toBeNull();
    expect(cancelJob({ db: t.studio.db, actor: admin, jobId: job.id, now: new Date(clock) })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(cancelJob({ db: t.studio.db, actor: admin, jobId: 999, now: new Date(clock) })).toMatchObject({
      ok: false,
      status: 404,
    });
  });
});

describe("worker loop", () => {
  beforeEach(() => {
    // The worker runs on the real clock.
    t.studio.now = () => new Date();
    clock = Date.now();
  });

  it("runs a job, records progress and its result", async () => {
    const seen: number[] = [];
    const handlers: Record<string, JobHandler> = {
      "test.echo": async (ctx) => {
        for (const f of [0.25, 0.5, 0.75]) {
          ctx.reportProgress(f, `step ${f}`);
          seen.push(f);
          await new Promise((r) => setTimeout(r, 300));
        }
        return { result: { echoed: ctx.job.payload.n } };
      },
    };
    const { job } = enqueue();
    const worker = startWorker({ studio: t.studio, handlers, logger, pollMs: 20 });
    await expect
      .poll(() => getJob({ db: t.studio.db, jobId: job.id })?.status, { timeout: 5000 })
      .toBe("succeeded");
    await worker.stop();
    expect(seen).toEqual([0.25, 0.5, 0.75]);
    expect(getJob({ db: t.studio.db, jobId: job.id })?.result).toEqual({ echoed: 1 });
  });

  it("retries a failing job with backoff and fails a permanent error at once", async () => {
    let calls = 0;
    const handlers: Record<string, JobHandler> = {
      "test.echo": async () => {
        calls++;
        if (calls < 2) throw new Error("transient");
        return { result: { calls } };
      },
      "test.bad": async () => {
        throw new PermanentJobError("素材文件不存在");
      },
    };
    const { job } = enqueue();
    const bad = enqueueJob(t.studio.db, { type: "test.bad", payload: {}, actor: null, now: new Date() }).job;
    const worker = startWorker({ studio: t.studio, handlers, logger, pollMs: 20, backoffBaseMs: 50 });
    await expect
      .poll(() => getJob({ db: t.studio.db, jobId: job.id })?.status, { timeout: 5000 })
      .toBe("succeeded");
    await expect
      .poll(() => getJob({ db: t.studio.db, jobId: bad.id })?.status, { timeout: 5000 })
      .toBe("failed");
    await worker.stop();
    expect(getJob({ db: t.studio.db, jobId: job.id })).toMatchObject({ attempts: 2, result: { calls: 2 } });
    expect(getJob({ db: t.studio.db, jobId: bad.id })).toMatchObject({
      attempts: 1,
      error: "素材文件不存在",
    });
  });

  it("does not start a job a second time in the same worker after an event-loop stall", async () => {
    let calls = 0;
    const handlers: Record<string, JobHandler> = {
      "test.echo": async () => {
        calls++;
        // Longer than the lease, with no heartbeat in between: as if the event loop had stalled.
        await new Promise((r) => setTimeout(r, 700));
        return { result: { calls } };
      },
    };
    const { job } = enqueue();
    const worker = startWorker({
      studio: t.studio,
      handlers,
      logger,
      // A free slot, as with WORKER_CONCURRENCY > 1: the loop looks for more work while the job runs.
      concurrency: 2,
      pollMs: 20,
      leaseMs: 150,
      heartbeatMs: 60_000,
    });
    await expect
      .poll(() => getJob({ db: t.studio.db, jobId: job.id })?.status, { timeout: 5000 })
      .toBe("succeeded");
    await worker.stop();
    expect(calls).toBe(1);
    expect(getJob({ db: t.studio.db, jobId: job.id })).toMatchObject({ attempts: 1, result: { calls: 1 } });
  });

  it("keeps a job held by a running worker when another worker of the process starts", async () => {
    const handlers: Record<string, JobHandler> = {
      "test.echo": () => new Promise((r) => setTimeout(() => r({ result: {} }), 600)),
    };
    const { job } = enqueue();
    const first = startWorker({ studio: t.studio, handlers, logger, pollMs: 20 });
    await expect.poll(() => getJob({ db: t.studio.db, jobId: job.id })?.status).toBe("running");
    const second = startWorker({ studio: t.studio, handlers, logger, pollMs: 20 });
    expect(getJob({ db: t.studio.db, jobId: job.id })).toMatchObject({
      status: "running",
      leaseOwner: first.id,
    });
    await expect
      .poll(() => getJob({ db: t.studio.db, jobId: job.id })?.status, { timeout: 5000 })
      .toBe("succeeded");
    await Promise.all([first.stop(), second.stop()]);
    expect(getJob({ db: t.studio.db, jobId: job.id })?.attempts).toBe(1);
  });

  it("aborts a running job when it is cancelled", async () => {
    let aborted = false;
    const handlers: Record<string, JobHandler> = {
      "test.echo": (ctx) =>
        new Promise((_, reject) => {
          ctx.signal.addEventListener("abort", () => {
            aborted = true;
            reject(new Error("stopped"));
          });
        }),
    };
    const { job } = enqueue();
    const worker = startWorker({ studio: t.studio, handlers, logger, pollMs: 20, heartbeatMs: 50 });
    await expect.poll(() => getJob({ db: t.studio.db, jobId: job.id })?.status).toBe("running");
    cancelJob({ db: t.studio.db, actor: admin, jobId: job.id, now: new Date() });
    await expect
      .poll(() => getJob({ db: t.studio.db, jobId: job.id })?.status, { timeout: 3000 })
      .toBe("cancelled");
    await worker.stop();
    expect(aborted).toBe(true);
  });
});
