import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import { getWorkers, setWorkerProbes, startJobs, watchThisEventLoop, type WorkerProbe } from "./boot.server";
import { logger } from "./logger.server";
import { createStudio, setStudio } from "./studio.server";

/**
 * The job workers in a process of their own (decision 0049). A PDF layout, a poster drawing or a
 * rescan holds its process's event loop for up to a second or two at a time; in the web process
 * every page, API call and landing-page beacon waited behind it. Under `npm start` the web process
 * boots (lock, migrations, seed) without workers and supervises one job process, which opens the
 * same database and runs every lane and the publishing ticker. The queue already allows several
 * worker processes on one database: leases name the process, and a job whose process died is
 * queued again (jobs/worker.server.ts). The job process runs at a lower CPU priority, so on a small
 * machine a render or a layout takes the cores the pages do not need.
 */

/** What the job process tells the web process about each of its worker loops. */
interface WorkerReport {
  id: string;
  running: number;
  lastTickAt: string | null;
}

interface WorkersMessage {
  type: "workers";
  workers: WorkerReport[];
}

const REPORT_EVERY_MS = 1_000;

function isWorkersMessage(message: unknown): message is WorkersMessage {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as { type?: unknown }).type === "workers" &&
    Array.isArray((message as { workers?: unknown }).workers)
  );
}

/**
 * The job process's body (scripts/job-process.mjs calls it): opens the database the web process
 * has already migrated, starts the workers and the ticker, reports its workers every second, and
 * stops (aborting what runs; the next process runs it again) when told to or when the web process
 * is gone.
 */
export async function runJobProcess(): Promise<void> {
  if (!process.send) throw new Error("the job process is started by the studio's server, not by hand");
  lowerPriority();
  const studio = createStudio({ migrate: false });
  setStudio(studio);
  watchThisEventLoop();
  const jobs = startJobs(studio);
  const report = () => {
    const workers: WorkerReport[] = getWorkers().map((worker) => ({
      id: worker.id,
      running: worker.running(),
      lastTickAt: worker.lastTickAt()?.toISOString() ?? null,
    }));
    if (process.connected) process.send?.({ type: "workers", workers } satisfies WorkersMessage);
  };
  report();
  const reporting = setInterval(report, REPORT_EVERY_MS);
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(reporting);
    logger.info({ why }, "job process stopping");
    await jobs.stop();
    studio.database.sqlite.close();
    process.exit(0);
  };
  // The web process ends this one with SIGTERM; if it dies instead, the channel closes.
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("disconnect", () => void stop("server gone"));
  logger.info({ pid: process.pid }, "job process ready");
}

/**
 * How much the job process (and the ffmpeg it starts, which inherits it) yields the CPU to the web
 * process: jobs run minutes anyway, while a page or a teleprompter push is waited for by a person.
 */
const JOB_PROCESS_NICENESS = 10;

function lowerPriority(): void {
  try {
    os.setPriority(0, JOB_PROCESS_NICENESS);
  } catch (error) {
    // A system that refuses (some containers) runs the jobs at normal priority.
    logger.warn(
      { err: error instanceof Error ? error.message : String(error) },
      "job process priority unchanged",
    );
  }
}

export interface JobProcessSupervisor {
  /** The job process's id now (null between a crash and its restart). */
  pid: () => number | null;
  /** Stops the job process (its running jobs go back to the queue) and does not restart it. */
  stop: () => Promise<void>;
}

/** The first restart waits this long; each quick crash doubles it, up to MAX_RESTART_DELAY_MS. */
const FIRST_RESTART_DELAY_MS = 500;
const MAX_RESTART_DELAY_MS = 30_000;
/** A process that lived this long was not crashing in a loop: the delay starts over. */
const STABLE_AFTER_MS = 60_000;
const STOP_GRACE_MS = 10_000;

/**
 * Starts the job process from `script` in the web process and keeps it running: a process that
 * exits unasked is started again (after 0.5 s, doubling while it keeps crashing), and its workers'
 * reports feed the health check (`getWorkers`), which fails while none arrive.
 */
export function superviseJobProcess(options: { script: string }): JobProcessSupervisor {
  let child: ChildProcess | null = null;
  let stopping = false;
  let delay = FIRST_RESTART_DELAY_MS;
  let restartTimer: NodeJS.Timeout | undefined;

  const start = () => {
    const startedAt = Date.now();
    const current = fork(options.script, [], { stdio: "inherit" });
    child = current;
    current.on("message", (message: unknown) => {
      if (!isWorkersMessage(message)) return;
      setWorkerProbes(message.workers.map(probeOf));
    });
    current.on("exit", (code, signal) => {
      child = null;
      if (stopping) return;
      // The health check fails from here until the new process reports.
      setWorkerProbes(undefined);
      if (Date.now() - startedAt > STABLE_AFTER_MS) delay = FIRST_RESTART_DELAY_MS;
      logger.error({ code, signal, restartInMs: delay }, "job process exited; starting it again");
      restartTimer = setTimeout(start, delay);
      delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
    });
  };
  start();

  return {
    pid: () => child?.pid ?? null,
    stop: async () => {
      stopping = true;
      clearTimeout(restartTimer);
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()));
      current.kill("SIGTERM");
      const forced = setTimeout(() => current.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(forced);
      setWorkerProbes(undefined);
    },
  };
}

function probeOf(report: WorkerReport): WorkerProbe {
  const lastTickAt = report.lastTickAt ? new Date(report.lastTickAt) : null;
  return { id: report.id, running: () => report.running, lastTickAt: () => lastTickAt };
}
