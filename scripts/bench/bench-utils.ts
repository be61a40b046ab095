import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { schema } from "../../app/lib/db.server";
import { createStudio, type Studio } from "../../app/lib/studio.server";

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

export interface BenchPiece {
  kind: string;
  title: string;
  status: string;
  body: string;
  slug: string;
  /** Created and updated at, in epoch milliseconds. */
  at: number;
}

/**
 * A studio on a fresh temporary folder with one copywriter, and a raw prepared insert for
 * benches that fill the pieces table (call it inside a transaction). `close` removes the folder.
 */
export function benchPieceStudio(name: string): {
  studio: Studio;
  now: Date;
  insertPiece: (piece: BenchPiece) => number;
  close: () => void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
  const studio = createStudio({ dataDir: dir });
  const now = new Date();
  const user = studio.db
    .insert(schema.users)
    .values({
      email: "b@x",
      name: "b",
      roles: ["copywriter"],
      passwordHash: "x",
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  const insert = studio.database.sqlite.prepare(
    "insert into pieces (kind,title,status,owner_id,body,slug,version,created_at,updated_at) values (?,?,?,?,?,?,1,?,?)",
  );
  return {
    studio,
    now,
    insertPiece: (p) =>
      Number(insert.run(p.kind, p.title, p.status, user.id, p.body, p.slug, p.at, p.at).lastInsertRowid),
    close: () => {
      studio.database.sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
