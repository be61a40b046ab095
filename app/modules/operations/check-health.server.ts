import fs from "node:fs";
import type { Studio } from "~/lib/studio.server";

export interface HealthReport {
  ok: boolean;
  database: { ok: boolean; error?: string };
  disk: { ok: boolean; freeBytes: number };
  workers: Array<{ name: string; ok: boolean; running: number; lastTickAt: string | null }>;
}

const MIN_FREE_BYTES = 512 * 1024 * 1024;

interface WorkerProbe {
  id: string;
  running: () => number;
  lastTickAt: () => Date | null;
}

/** Database reachable, enough disk for renders, every worker loop ticking. */
export function checkHealth(options: { studio: Studio; workers: WorkerProbe[] }): HealthReport {
  const { studio } = options;
  let database: HealthReport["database"];
  try {
    studio.database.sqlite.prepare("select 1").get();
    database = { ok: true };
  } catch (error) {
    database = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const stats = fs.statfsSync(studio.config.dataDir);
  const freeBytes = stats.bavail * stats.bsize;
  const workers = options.workers.map((worker) => {
    const lastTick = worker.lastTickAt();
    return {
      name: worker.id,
      ok: Boolean(lastTick && studio.now().getTime() - lastTick.getTime() < 30_000),
      running: worker.running(),
      lastTickAt: lastTick?.toISOString() ?? null,
    };
  });
  const report = { database, disk: { ok: freeBytes > MIN_FREE_BYTES, freeBytes }, workers };
  return {
    ok: report.database.ok && report.disk.ok && workers.length > 0 && workers.every((w) => w.ok),
    ...report,
  };
}
