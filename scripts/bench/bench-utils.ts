import fs from "node:fs";
import path from "node:path";

export interface BenchRow {
  name: string;
  [figure: string]: string | number;
}

/** Median wall time of `runs` calls after one warm-up, in milliseconds. */
export async function medianMs(fn: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Median milliseconds of `baseline` and of `measured`, timed turn about after `warmups` calls of
 * each, so a busy machine slows both sides alike.
 */
export function interleavedMedians(
  baseline: () => unknown,
  measured: () => unknown,
  runs: number,
  warmups = 5,
): { baseline: number; measured: number } {
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let i = 0; i < warmups; i++) {
    baseline();
    measured();
  }
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    baseline();
    timesA.push(performance.now() - start);
    start = performance.now();
    measured();
    timesB.push(performance.now() - start);
  }
  return { baseline: median(timesA), measured: median(timesB) };
}

/** Prints the table and writes bench/results/<name>.json. */
export function report(name: string, rows: BenchRow[], extra: Record<string, unknown> = {}): void {
  console.log(`\n== ${name} ==`);
  console.table(rows);
  const dir = path.resolve("bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, `${name}.json`),
    JSON.stringify({ name, at: new Date().toISOString(), rows, ...extra }, null, 2),
  );
}
