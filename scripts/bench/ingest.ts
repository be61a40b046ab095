// The events endpoint under load, on loopback: the real studio server (production build, group
// commit, validation, bot filter, salts, rollups) against a bare node:http server that parses the
// same beacons and inserts the same rows into SQLite, measured in the same run with autocannon.
// Goal: at least 60 % of the bare server's throughput, p99 under 50 ms.
// Then, when scripts/bench/ingest/dashboards.ts exists, the dashboard loaders over 10 M events,
// unless the load alone is asked for: `npm run bench -- ingest --load-only` (or BENCH_INGEST_LOAD_ONLY=1).
// BENCH_ROUNDS (default 3) and BENCH_SECONDS (default 10) set how long the load runs.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { report, type BenchRow } from "./bench-utils";

const PHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Measured rounds, bare then studio then studio then bare…; each side's median is reported. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 20;
const EVENTS_PER_BEACON = 5;

function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const onData = (d: Buffer) => {
      seen += d;
      if (pattern.test(seen)) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", () => reject(new Error(`${what} exited:\n${seen}`)));
  });
}

async function startStudio(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ADMIN_EMAIL: "admin@bench.local",
      ADMIN_PASSWORD: "bench-admin-password",
      EVENT_RATE_LIMIT: "100000000",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Kept to say why, when the studio does not come up (a failing demo seed, a slow build).
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill("SIGKILL");
  throw new Error(`the studio did not start:\n${output.slice(-4000)}`);
}

let counter = 0;
function beaconBody(slug: string): string {
  const batch = counter++;
  return JSON.stringify({
    slug,
    src: "douyin-main",
    events: Array.from({ length: EVENTS_PER_BEACON }, (_, i) => ({
      id: `bench-${process.pid}-${batch.toString(36)}-${i}`,
      type: i === 0 ? "page_view" : "play",
      watchSeconds: 0,
    })),
  });
}

/** CPU time (user + system) a child process has used so far, in milliseconds (Linux /proc). */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of the whole line (11 and 12 after the name).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

async function load(url: string, slug: string, pid?: number) {
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: "POST",
        headers: { "Content-Type": "text/plain;charset=UTF-8", "User-Agent": PHONE_UA },
        setupRequest: (request) => ({ ...request, body: beaconBody(slug) }),
      },
    ],
  });
  return {
    rps: Math.round(result.requests.average),
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    // The server's own CPU per answered request: on a shared, busy machine throughput mostly
    // measures the share of the cores a process got; this measures the work.
    cpuUsPerRequest: Math.round(((cpuMs(pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total)),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ingest-"));
  fs.mkdirSync("node_modules/.cache", { recursive: true });
  // `--no-build` measures the build already there (repeated runs of unchanged sources).
  const build = process.argv.includes("--no-build")
    ? { status: 0, stderr: "" }
    : spawnSync(
        "flock",
        ["node_modules/.cache/studio-build.lock", path.resolve("node_modules/.bin/remix"), "build"],
        {
          stdio: "pipe",
          env: { ...process.env, NODE_ENV: "production" },
        },
      );
  if (build.status !== 0) throw new Error(`remix build failed: ${build.stderr}`);

  const studioDir = path.join(root, "studio");
  const studioPort = 4900 + Math.floor(Math.random() * 50);
  const studio = await startStudio(studioDir, studioPort);
  const dbFile = path.join(studioDir, "studio.sqlite");
  const slug = (() => {
    const db = new Database(dbFile, { readonly: true });
    try {
      return (
        db.prepare("select slug from pieces where status = 'published' order by id limit 1").get() as {
          slug: string;
        }
      ).slug;
    } finally {
      db.close();
    }
  })();

  // "Idle": the demo seed's render jobs (posters, sample clips) may finish first, for two minutes
  // at most, so the studio's figures are its beacons' cost rather than the job worker's.
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const db = new Database(dbFile, { readonly: true });
    const busy = (
      db
        .prepare(
          "select count(*) n from jobs where status = 'running' or (status = 'queued' and run_after <= ?)",
        )
        .get(Date.now()) as { n: number }
    ).n;
    db.close();
    if (busy === 0) break;
    await new Promise((r) => setTimeout(r, 1000));
  }

  // The bare server writes into a copy of the same migrated schema (a fresh file, same tables).
  const bareFile = path.join(root, "bare.sqlite");
  const source = new Database(dbFile, { readonly: true });
  await source.backup(bareFile);
  source.close();
  const bareDb = new Database(bareFile);
  bareDb.exec("delete from tracking_events");
  bareDb.close();
  const barePort = studioPort + 60;
  const bare = spawn(process.execPath, ["scripts/bench/ingest/bare-server.mjs", bareFile, String(barePort)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForLine(bare, /ready/, "bare server");

  try {
    // Warm both, then measure turn about, ROUNDS times (the order flips each round), so a busy
    // machine slows both sides alike; the ratio is taken per round and its median reported.
    const studioUrl = `http://127.0.0.1:${studioPort}/api/v1/events`;
    const bareUrl = `http://127.0.0.1:${barePort}/`;
    await load(studioUrl, slug);
    await load(bareUrl, slug);
    const rounds: { bare: Awaited<ReturnType<typeof load>>; studio: Awaited<ReturnType<typeof load>> }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        const bareRun = await load(bareUrl, slug, bare.pid);
        rounds.push({ bare: bareRun, studio: await load(studioUrl, slug, studio.pid) });
      } else {
        const studioRun = await load(studioUrl, slug, studio.pid);
        rounds.push({ bare: await load(bareUrl, slug, bare.pid), studio: studioRun });
      }
    }
    const row = (name: string, side: "bare" | "studio"): BenchRow => ({
      name,
      "requests/s": median(rounds.map((r) => r[side].rps)),
      "p99 ms": median(rounds.map((r) => r[side].p99)),
      "CPU µs/request": median(rounds.map((r) => r[side].cpuUsPerRequest)),
      "non-2xx": rounds.reduce((sum, r) => sum + r[side].non2xx, 0),
      errors: rounds.reduce((sum, r) => sum + r[side].errors, 0),
    });
    const rows: BenchRow[] = [
      row("bare node:http + SQLite", "bare"),
      row("studio POST /api/v1/events", "studio"),
      {
        name: "studio ÷ bare",
        "requests/s": Number(median(rounds.map((r) => r.studio.rps / r.bare.rps)).toFixed(2)),
        "p99 ms": Number(median(rounds.map((r) => r.studio.p99 / Math.max(1, r.bare.p99))).toFixed(2)),
        "CPU µs/request": Number(
          median(rounds.map((r) => r.studio.cpuUsPerRequest / Math.max(1, r.bare.cpuUsPerRequest))).toFixed(
            2,
          ),
        ),
        "non-2xx": 0,
        errors: 0,
      },
    ];
    report("ingest", rows, {
      connections: CONNECTIONS,
      seconds: SECONDS,
      rounds: ROUNDS,
      perRoundRatios: rounds.map((r) => Number((r.studio.rps / r.bare.rps).toFixed(2))),
      eventsPerBeacon: EVENTS_PER_BEACON,
      loadAverage: os.loadavg().map((x) => Number(x.toFixed(1))),
      goals: { throughputRatio: 0.6, p99Ms: 50 },
    });
    console.log(
      `studio ÷ bare requests/s by round: ${rounds.map((r) => (r.studio.rps / r.bare.rps).toFixed(2)).join(", ")}; load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")}`,
    );
  } finally {
    studio.kill("SIGTERM");
    bare.kill("SIGTERM");
  }

  const loadOnly = process.argv.includes("--load-only") || process.env.BENCH_INGEST_LOAD_ONLY === "1";
  const dashboards = path.join(path.dirname(new URL(import.meta.url).pathname), "ingest", "dashboards.ts");
  if (!loadOnly && fs.existsSync(dashboards)) {
    const mod = (await import(pathToFileURL(dashboards).href)) as { runDashboardBench?: () => Promise<void> };
    await mod.runDashboardBench?.();
  }
  fs.rmSync(root, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
