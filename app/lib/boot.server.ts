import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { seedDemoData } from "../../db/seed";
import { inviteUser } from "~/modules/auth/invite-user.server";
import { checkFfmpegCapabilities } from "~/modules/media/ffmpeg.server";
import { jobLanes } from "~/modules/jobs/handlers.server";
import { recoverInterruptedJobs, startWorker, type Worker } from "~/modules/jobs/worker.server";
import { acquireDataDirLock, type DataDirLock } from "~/modules/operations/data-dir-lock.server";
import { pruneLoginAttempts } from "~/modules/auth/prune-login-attempts.server";
import { startPublishingTicker } from "~/modules/publishing/publishing-ticker.server";
import { pruneVisitorSalts } from "~/modules/tracking/visitor-hash.server";
import { sweepLeftovers } from "~/modules/operations/sweep-leftovers.server";
import { schema } from "./db.server";
import { resolveDataDir } from "./env.server";
import { logger } from "./logger.server";
import { sealSigningSecrets } from "./seal-signing-secrets.server";
import { createStudio, setStudio, type Studio } from "./studio.server";

// The lock lives as long as the process (a collected connection would let it go).
const holder = globalThis as unknown as {
  __workers?: Worker[];
  __workerProbes?: WorkerProbe[];
  __dataDirLock?: DataDirLock;
  __publishingTicker?: { stop: () => void };
  __saltSweep?: NodeJS.Timeout;
  __loopWatch?: NodeJS.Timeout;
};

/** A stall of the event loop this long is logged: every page and API call waits behind it. */
const LOOP_STALL_WARN_MS = 1_000;

/**
 * Logs each time the event loop was held longer than LOOP_STALL_WARN_MS (a job's synchronous
 * step, a slow query), so an operator sees why pages hung and for how long.
 */
function watchEventLoop(): NodeJS.Timeout {
  const everyMs = 250;
  let last = performance.now();
  return setInterval(() => {
    const now = performance.now();
    const stalledMs = now - last - everyMs;
    last = now;
    if (stalledMs >= LOOP_STALL_WARN_MS)
      // The pid tells the web process from the job process (decision 0049).
      logger.warn({ stalledMs: Math.round(stalledMs), pid: process.pid }, "event loop stalled");
  }, everyMs).unref();
}

/** What the health check reads of a worker loop, here or in the job process. */
export interface WorkerProbe {
  id: string;
  running: () => number;
  lastTickAt: () => Date | null;
}

/**
 * The job workers, one per lane (for health checks): this process's own, or, when the jobs run in
 * their own process (`npm start`), what that process last reported of its workers.
 */
export function getWorkers(): WorkerProbe[] {
  return holder.__workers ?? holder.__workerProbes ?? [];
}

/** The job process's latest report of its workers (job-process.server.ts). */
export function setWorkerProbes(probes: WorkerProbe[] | undefined): void {
  holder.__workerProbes = probes;
}

/**
 * Starts the job workers (one loop per lane) and the publishing ticker in this process: the web
 * process in tests and in-process setups, the job process under `npm start`. Jobs a dead worker
 * left running are queued again first.
 */
export function startJobs(studio: Studio): { stop: () => Promise<void> } {
  recoverInterruptedJobs(studio, logger);
  holder.__workers = jobLanes.map((lane) =>
    startWorker({
      studio,
      name: lane.name,
      handlers: lane.handlers,
      logger,
      concurrency: lane.concurrency ?? studio.config.workerConcurrency,
      recoverInterrupted: false,
    }),
  );
  // After the workers: its first pass settles slots a crash left mid-send and queues due ones.
  holder.__publishingTicker?.stop();
  holder.__publishingTicker = startPublishingTicker({ studio, logger });
  return { stop: stopJobs };
}

async function stopJobs(): Promise<void> {
  holder.__publishingTicker?.stop();
  holder.__publishingTicker = undefined;
  await Promise.all((holder.__workers ?? []).map((worker) => worker.stop()));
  holder.__workers = undefined;
}

/** Starts the event-loop watch of this process (again, after a dev rebuild). */
export function watchThisEventLoop(): void {
  clearInterval(holder.__loopWatch);
  holder.__loopWatch = watchEventLoop();
}

/** The first account: from ADMIN_EMAIL/ADMIN_PASSWORD, or generated and written down once. */
async function ensureAdmin(studio: Studio): Promise<void> {
  const users = studio.db.select({ n: count() }).from(schema.users).get()?.n ?? 0;
  if (users > 0) return;
  // Empty values count as unset, as in most deployment tools.
  const email = (process.env.ADMIN_EMAIL || "admin@studio.local").trim().toLowerCase();
  const given = process.env.ADMIN_PASSWORD || undefined;
  const result = await inviteUser({
    db: studio.db,
    actor: null,
    email,
    name: "管理员",
    roles: ["admin"],
    password: given,
    mustChangePassword: !given,
    now: studio.now(),
  });
  if (!result.ok) throw new Error(`cannot create the admin account: ${result.message}`);
  if (!given) {
    const file = path.join(studio.config.dataDir, "initial-admin.txt");
    fs.writeFileSync(file, `email: ${email}\npassword: ${result.oneTimePassword}\n`, { mode: 0o600 });
    console.log(
      `\n  Admin account created: ${email}\n  One-time password:     ${result.oneTimePassword}\n  (also written to ${file}; change it after the first sign-in)\n`,
    );
  }
}

/**
 * Locks the data folder (or throws DataDirLockedError: another studio runs on it), opens the
 * database, migrates, removes what a crash left behind, creates the admin, seeds the demo once,
 * seals signing secrets still in clear and starts the workers (unless `startJobs` is false: then
 * the caller runs them in a job process of their own, as `npm start` does).
 */
export async function bootStudio(options: { seedDemo?: boolean; startJobs?: boolean } = {}) {
  const dataDir = resolveDataDir();
  // Before anything touches the database: a second studio must neither migrate nor take jobs.
  const lock = acquireDataDirLock(dataDir);
  holder.__dataDirLock = lock;
  const studio = createStudio({ dataDir });
  setStudio(studio);
  // Nothing is live yet (no request served, no worker started) and the lock keeps other studios out.
  await sweepLeftovers({ db: studio.db, dataDir, logger });
  // Sign-in attempts (with client addresses) live only as long as throttling needs them.
  pruneLoginAttempts({ db: studio.db, now: studio.now() });
  // Visitor salts live 48 hours from the start of their day: at boot, on a new day's first
  // event, and every hour (a quiet weekend must not keep Friday's salt).
  pruneVisitorSalts({ db: studio.db, now: studio.now(), timeZone: studio.config.timeZone });
  clearInterval(holder.__saltSweep);
  holder.__saltSweep = setInterval(() => {
    try {
      pruneVisitorSalts({ db: studio.db, now: studio.now(), timeZone: studio.config.timeZone });
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, "salt sweep failed");
    }
  }, 3_600_000).unref();
  watchThisEventLoop();
  await ensureAdmin(studio);
  if (options.seedDemo ?? process.env.SEED_DEMO !== "0") {
    const { seeded } = await seedDemoData({
      db: studio.db,
      now: studio.now(),
      dataDir: studio.config.dataDir,
    });
    if (seeded) logger.info("demo data seeded");
  }
  // After the seed, which writes the demo channels' webhook secrets: a secret still in clear (a
  // database from before decision 0047, or just seeded) is sealed before any worker signs with it.
  const sealed = sealSigningSecrets({ db: studio.db, dataKey: studio.config.dataKey, now: studio.now() });
  if (sealed.crm + sealed.channels + sealed.robots > 0) logger.info(sealed, "signing secrets sealed");
  // Off under `npm start`, whose job process runs them (job-process.server.ts).
  if (options.startJobs ?? true) startJobs(studio);
  // Renders need libx264 and libass; say so at start rather than at the first failed render
  // (the render job checks again and fails permanently without them).
  void checkFfmpegCapabilities()
    .then((caps) =>
      caps.ok
        ? logger.info("ffmpeg has libx264 and libass")
        : logger.error({ missing: caps.missing }, "ffmpeg lacks what renders need"),
    )
    .catch((error: unknown) =>
      logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        "ffmpeg capability check failed",
      ),
    );
  logger.info({ dataDir: studio.config.dataDir }, "studio ready");
  return {
    studio,
    shutdown: async () => {
      clearInterval(holder.__saltSweep);
      clearInterval(holder.__loopWatch);
      await stopJobs();
      studio.database.sqlite.close();
      lock.release();
      holder.__dataDirLock = undefined;
    },
  };
}
