import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { startServer, type RunningServer } from "../setup/studio-server";

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

interface Health {
  ok: boolean;
  workers: { name: string; ok: boolean; running: number }[];
}

const health = async (baseUrl: string) => (await (await fetch(`${baseUrl}/healthz`)).json()) as Health;

/** The process id in a worker's name (`worker-<lane>-<pid>-<hex>`). */
const pidOf = (name: string) => Number(/^worker-.+-(\d+)-[0-9a-f]+$/.exec(name)?.[1]);

interface JobRow {
  id: number;
  status: string;
  attempts: number;
  lease_owner: string | null;
}

function jobs(dataDir: string): JobRow[] {
  const db = new Database(path.join(dataDir, "studio.sqlite"), { readonly: true });
  try {
    return db.prepare("select id, status, attempts, lease_owner from jobs order by id").all() as JobRow[];
  } finally {
    db.close();
  }
}

it("runs the jobs in a process of its own, and a crash of it mid-job loses neither the pages nor the job", async () => {
  server = await startServer();
  const { baseUrl, dataDir } = server;

  // Every lane reports, from a process that is not the web server's.
  await expect
    .poll(async () => (await health(baseUrl)).workers.filter((w) => w.ok).length, { timeout: 30_000 })
    .toBe(7);
  const jobPid = pidOf((await health(baseUrl)).workers[0]!.name);
  expect(jobPid).toBeGreaterThan(0);
  expect(jobPid).not.toBe(server.process.pid);
  expect(new Set((await health(baseUrl)).workers.map((w) => pidOf(w.name)))).toEqual(new Set([jobPid]));

  // The demo queues its sample renders at the first start: wait until the job process runs one.
  await expect
    .poll(() => jobs(dataDir).find((j) => j.status === "running" && j.lease_owner?.includes(`-${jobPid}-`)), {
      timeout: 60_000,
      interval: 100,
    })
    .toBeTruthy();
  const interrupted = jobs(dataDir).find(
    (j) => j.status === "running" && j.lease_owner?.includes(`-${jobPid}-`),
  )!;

  // The job process dies in the middle of that job.
  process.kill(jobPid, "SIGKILL");
  // The pages still answer, and the health check says the workers are gone.
  expect((await fetch(`${baseUrl}/login`)).status).toBe(200);
  await expect.poll(async () => (await health(baseUrl)).ok, { timeout: 10_000 }).toBe(false);

  // The server starts a new job process, which reports every lane again...
  await expect
    .poll(
      async () => {
        const report = await health(baseUrl);
        return report.ok && report.workers.every((w) => pidOf(w.name) !== jobPid) && report.workers.length;
      },
      { timeout: 60_000, interval: 200 },
    )
    .toBe(7);
  // ...and runs the interrupted job again: nothing is lost, nothing is left half-done.
  await expect
    .poll(
      () => {
        const job = jobs(dataDir).find((j) => j.id === interrupted.id)!;
        return job.attempts >= 2 && !job.lease_owner?.includes(`-${jobPid}-`);
      },
      { timeout: 60_000, interval: 200 },
    )
    .toBe(true);
  expect(server.output()).toContain("job process exited; starting it again");

  // Stopping the server stops its job process too.
  const newPid = pidOf((await health(baseUrl)).workers[0]!.name);
  await server.stop();
  const alive = () => {
    try {
      process.kill(newPid, 0);
      return true;
    } catch {
      return false;
    }
  };
  await expect.poll(alive, { timeout: 15_000 }).toBe(false);
});
