import { spawn, type ChildProcess } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { enqueueJob, getJob } from "~/modules/jobs/queue.server";
import { createTestStudio, type TestStudio } from "../setup/test-studio";

let t: TestStudio;
const children: ChildProcess[] = [];
beforeEach(() => (t = createTestStudio()));
afterEach(() => {
  for (const c of children) c.kill("SIGKILL");
  children.length = 0;
  t.cleanup();
});

function startWorkerProcess(): ChildProcess {
  // One process (no tsx wrapper), so SIGKILL really kills the worker mid-job.
  const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/crash-worker.ts"], {
    env: { ...process.env, DATA_DIR: t.dir, LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "ignore"],
  });
  child.stdout!.resume();
  children.push(child);
  return child;
}

/** The fixture prints "worker ready" once it has recovered interrupted jobs and started its loop. */
function workerReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    let seen = "";
    child.stdout!.on("data", (d) => {
      seen += d;
      if (seen.includes("worker ready")) resolve();
    });
  });
}

it("runs a job interrupted by a crash again after restart, and completes it exactly once", async () => {
  const { job } = enqueueJob(t.studio.db, { type: "test.slow", payload: {}, actor: null, now: new Date() });
  const first = startWorkerProcess();
  await expect
    .poll(() => getJob({ db: t.studio.db, jobId: job.id })?.progress ?? 0, { timeout: 30_000, interval: 50 })
    .toBeGreaterThan(0.2);
  first.kill("SIGKILL");
  await new Promise((r) => first.once("exit", r));
  const interrupted = getJob({ db: t.studio.db, jobId: job.id })!;
  expect(interrupted.status).toBe("running");
  expect(interrupted.progress).toBeLessThan(1);

  const second = startWorkerProcess();
  await expect
    .poll(() => getJob({ db: t.studio.db, jobId: job.id })?.status, { timeout: 30_000, interval: 100 })
    .toBe("succeeded");
  const done = getJob({ db: t.studio.db, jobId: job.id })!;
  expect(done.attempts).toBe(2);
  expect(done.result).toEqual({ finishedBy: second.pid });
  const effects = t.studio.db
    .select()
    .from(schema.auditLog)
    .where(eq(schema.auditLog.action, "test.side_effect"))
    .all();
  expect(effects).toHaveLength(1);
});

it("leaves a running job to its live worker when another worker process starts on the same data", async () => {
  const { job } = enqueueJob(t.studio.db, { type: "test.slow", payload: {}, actor: null, now: new Date() });
  const first = startWorkerProcess();
  await expect
    .poll(() => getJob({ db: t.studio.db, jobId: job.id })?.progress ?? 0, { timeout: 30_000, interval: 50 })
    .toBeGreaterThan(0.1);
  // Paused, not dead (as in a long stall): its lease is still valid and its process exists.
  first.kill("SIGSTOP");
  const held = getJob({ db: t.studio.db, jobId: job.id })!;
  const second = startWorkerProcess();
  await workerReady(second);
  await new Promise((r) => setTimeout(r, 500));
  // The newcomer recovered interrupted jobs at start and has been polling: it took nothing.
  expect(getJob({ db: t.studio.db, jobId: job.id })).toMatchObject({
    status: "running",
    attempts: 1,
    leaseOwner: held.leaseOwner,
  });
  first.kill("SIGCONT");
  await expect
    .poll(() => getJob({ db: t.studio.db, jobId: job.id })?.status, { timeout: 30_000, interval: 100 })
    .toBe("succeeded");
  const done = getJob({ db: t.studio.db, jobId: job.id })!;
  expect(done.attempts).toBe(1);
  expect(done.result).toEqual({ finishedBy: first.pid });
  const effects = t.studio.db
    .select()
    .from(schema.auditLog)
    .where(eq(schema.auditLog.action, "test.side_effect"))
    .all();
  expect(effects).toHaveLength(1);
});
