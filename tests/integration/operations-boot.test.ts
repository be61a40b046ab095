import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { enqueueJob, getJob } from "~/modules/jobs/queue.server";
import { createTestStudio, type TestStudio } from "../setup/test-studio";

let t: TestStudio;
const children: ChildProcess[] = [];
beforeEach(() => (t = createTestStudio()));
afterEach(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  children.length = 0;
  t.cleanup();
});

interface Booted {
  child: ChildProcess;
  output: () => string;
  /** Resolves once bootStudio returned; rejects if the process exits first. */
  ready: Promise<void>;
  exited: Promise<number | null>;
}

/** A studio process booting as scripts/start.mjs does (bootStudio, the lock message on failure). */
function bootStudioProcess(): Booted {
  const code = `
    const { bootStudio } = await import("./app/lib/boot.server.ts");
    try {
      await bootStudio({ seedDemo: false });
      console.log("STUDIO BOOTED");
    } catch (error) {
      console.error(error.message);
      process.exit(1);
    }`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", code], {
    env: {
      ...process.env,
      DATA_DIR: t.dir,
      LOG_LEVEL: "info",
      ADMIN_EMAIL: "admin@boot.local",
      ADMIN_PASSWORD: "boot-admin-password",
      VITEST: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", () => output.includes("STUDIO BOOTED") && resolve());
    void exited.then((code) => reject(new Error(`studio exited (${code}) before it booted:\n${output}`)));
  });
  ready.catch(() => {}); // awaited only by tests that expect a boot
  return { child, output: () => output, ready, exited };
}

const logLines = (output: string) =>
  output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe("one studio per data folder", () => {
  it("refuses a second studio with a clear message while the first keeps working, and starts again after a crash", async () => {
    const first = bootStudioProcess();
    await first.ready;

    const second = bootStudioProcess();
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Another studio is already running on the data folder ${t.dir}`);
    expect(second.output()).toContain("Stop that studio first, or set DATA_DIR to another folder.");
    expect(second.output()).not.toContain("studio ready");

    // The first studio's worker still takes new work (a check of a clip that no longer exists).
    const { job } = enqueueJob(t.studio.db, {
      type: "media.verify",
      payload: { assetId: 987_654 },
      actor: null,
      now: new Date(),
    });
    await expect
      .poll(() => getJob({ db: t.studio.db, jobId: job.id })?.finishedAt ?? null, { timeout: 30_000 })
      .not.toBeNull();
    expect(getJob({ db: t.studio.db, jobId: job.id })?.attempts).toBe(1);
    expect(first.child.exitCode).toBeNull();

    // A crash leaves no stale lock: the kernel drops it with the process.
    first.child.kill("SIGKILL");
    await first.exited;
    const third = bootStudioProcess();
    await third.ready;
    third.child.kill("SIGTERM");
  });
});

describe("boot", () => {
  it("removes what interrupted uploads and jobs left behind, keeps real media and live jobs' scratch, and logs it", async () => {
    const { db } = t.studio;
    const newJob = (status: string) => {
      const { job } = enqueueJob(db, { type: "test.none", payload: {}, actor: null, now: new Date() });
      db.update(schema.jobs).set({ status }).where(eq(schema.jobs.id, job.id)).run();
      return job.id;
    };
    const done = newJob("succeeded");
    const failed = newJob("failed");
    const queued = newJob("queued");
    const sha = "ab".repeat(32);
    const write = (rel: string, bytes = 10) => {
      fs.mkdirSync(path.join(t.dir, path.dirname(rel)), { recursive: true });
      fs.writeFileSync(path.join(t.dir, rel), Buffer.alloc(bytes));
    };
    const leftoverFiles = [
      "media/episodes/5/.0123456789abcdef.part",
      "media/episodes/5/0123456789abcdef.upload",
      "media/columns/2/.fedcba9876543210.part",
      `ebooks/images/3/${sha}.png.deadbeef.part`,
      `renders/7/.job-${done}.a1b2c3d4e5f6.tmp.mp4`,
      `renders/7/.job-${done}-thumb.a1b2c3d4e5f6.tmp.jpg`,
    ];
    // Scratch folders of jobs that will not run again (finished, or gone from the table).
    const leftoverDirs = [`tmp/jobs/${done}`, "tmp/jobs/999", `tmp/ebook-build-${failed}-a1b2c3d4`];
    const leftovers = [...leftoverFiles, ...leftoverDirs];
    const kept = [
      "media/episodes/5/clip-0011223344556677.mp4",
      "media/columns/2/logo-0011223344556677.png",
      `ebooks/images/3/${sha}.png`,
      `ebooks/builds/3/${sha}.pdf`,
      `renders/7/job-${done}.mp4`,
      `renders/7/job-${done}-cover.jpg`,
      `tmp/jobs/${queued}/render-x/part.mp4`,
      `renders/7/.job-${queued}.a1b2c3d4e5f6.tmp.mp4`,
      "tmp/notes.txt",
    ];
    for (const rel of [...leftoverFiles, ...kept]) write(rel);
    for (const rel of leftoverDirs) write(`${rel}/render-x/work.bin`);

    const studio = bootStudioProcess();
    await studio.ready;
    studio.child.kill("SIGTERM");
    await studio.exited;

    for (const rel of leftovers) expect(fs.existsSync(path.join(t.dir, rel)), rel).toBe(false);
    for (const rel of kept) expect(fs.existsSync(path.join(t.dir, rel)), rel).toBe(true);
    const swept = logLines(studio.output()).find((line) => Array.isArray(line.removed));
    expect(swept).toMatchObject({ count: leftovers.length, bytes: leftovers.length * 10 });
    expect([...(swept!.removed as string[])].sort()).toEqual([...leftovers].sort());
  });

  it("keeps the database, its WAL and shared-memory files and the lock owner-only (0600)", async () => {
    const files = ["studio.sqlite", "studio.sqlite-wal", "studio.sqlite-shm"].map((f) => path.join(t.dir, f));
    // Created 0600 by createStudio already.
    for (const file of files) expect(mode(file), file).toBe(0o600);
    // An install from before this change has them 0644: boot narrows them.
    for (const file of files) fs.chmodSync(file, 0o644);
    const studio = bootStudioProcess();
    await studio.ready;
    for (const file of [...files, path.join(t.dir, "studio.lock")]) expect(mode(file), file).toBe(0o600);
    studio.child.kill("SIGTERM");
    await studio.exited;
  });
});
