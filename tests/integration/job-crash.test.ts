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
  t.cleanup();
});

function startWorkerProcess(): ChildProcess {
  // One process (no tsx wrapper), so SIGKILL really kills the worker mid-job.
  const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/crash-worker.ts"], {
    env: { ...process.env, DATA_DIR: t.dir, LOG_LEVEL: "silent" },
    stdio: "ignore",
  });
  children.push(child);
  return child;
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
