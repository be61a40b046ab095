import type { ChildProcess } from "node:child_process";
import { expect, it } from "vitest";
import { enqueueJob, getJob } from "~/modules/jobs/queue.server";
import { fixtureProcesses, printed } from "../setup/fixture-process";
import { withTestStudio } from "../setup/test-studio";
import { auditRows } from "../setup/audit-entries";

const t = withTestStudio();
const processes = fixtureProcesses(() => t.dir);
const startWorkerProcess = () => processes.start("tests/fixtures/crash-worker.ts");

/** The fixture prints "worker ready" once it has recovered interrupted jobs and started its loop. */
const workerReady = (child: ChildProcess) => printed(child, "worker ready");

/** A slow test job, enqueued and picked up by a worker process that has reported `progress`. */
async function slowJobUnderWay(progress: number) {
  const { job } = enqueueJob(t.studio.db, { type: "test.slow", payload: {}, actor: null, now: new Date() });
  const first = startWorkerProcess();
  await expect
    .poll(() => getJob({ db: t.studio.db, jobId: job.id })?.progress ?? 0, { timeout: 30_000, interval: 50 })
    .toBeGreaterThan(progress);
  return { job, first };
}

/** The job succeeds after `attempts` attempts, finished by the process `finishedBy`, its side effect done once. */
async function expectSucceededOnce(
  jobId: number,
  expected: { attempts: number; finishedBy: number | undefined },
) {
  await expect
    .poll(() => getJob({ db: t.studio.db, jobId })?.status, { timeout: 30_000, interval: 100 })
    .toBe("succeeded");
  const done = getJob({ db: t.studio.db, jobId })!;
  expect(done.attempts).toBe(expected.attempts);
  expect(done.result).toEqual({ finishedBy: expected.finishedBy });
  const effects = auditRows(t.studio, "test.side_effect");
  expect(effects).toHaveLength(1);
}

it("runs a job interrupted by a crash again after restart, and completes it exactly once", async () => {
  const { job, first } = await slowJobUnderWay(0.2);
  first.kill("SIGKILL");
  await new Promise((r) => first.once("exit", r));
  const interrupted = getJob({ db: t.studio.db, jobId: job.id })!;
  expect(interrupted.status).toBe("running");
  expect(interrupted.progress).toBeLessThan(1);

  const second = startWorkerProcess();
  await expectSucceededOnce(job.id, { attempts: 2, finishedBy: second.pid });
});

it("leaves a running job to its live worker when another worker process starts on the same data", async () => {
  const { job, first } = await slowJobUnderWay(0.1);
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
  await expectSucceededOnce(job.id, { attempts: 1, finishedBy: first.pid });
});
