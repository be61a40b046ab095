import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestStudio, type TestStudio } from "../../../tests/setup/test-studio";
import { logger } from "~/lib/logger.server";
import { cancelJob, claimNextJob, enqueueJob, finishJob, getJob, heartbeatJob } from "./queue.server";
import { PermanentJobError, startWorker, type JobHandler } from "./worker.server";

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
