import fs from "node:fs";
import type { Studio } from "~/lib/studio.server";

export interface HealthReport {
  ok: boolean;
  database: { ok: boolean; error?: string };
  disk: { ok: boolean; freeBytes: number };
  worker: { ok: boolean; running: number; lastTickAt: string | null };
}

const MIN_FREE_BYTES = 512 * 1024 * 1024;

/** Database reachable, enough disk for renders, worker loop ticking. */
export function checkHealth(options: { studio: Studio; worker?: { running: () => number; lastTickAt: () => Date | null } }): HealthReport {
  const { studio, worker } = options;
  let database: HealthReport["database"];
  try {
    studio.database.sqlite.prepare("select 1").get();
    database = { ok: true };
  } catch (error) {
    database = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const stats = fs.statfsSync(studio.config.dataDir);
  const freeBytes = stats.bavail * stats.bsize;
  const lastTick = worker?.lastTickAt() ?? null;
  const workerOk = Boolean(lastTick && studio.now().getTime() - lastTick.getTime() < 30_000);
  const report = {
    database,
    disk: { ok: freeBytes > MIN_FREE_BYTES, freeBytes },
    worker: { ok: workerOk, running: worker?.running() ?? 0, lastTickAt: lastTick?.toISOString() ?? null },
  };
  return { ok: report.database.ok && report.disk.ok && report.worker.ok, ...report };
}
