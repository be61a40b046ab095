// The events endpoint under load, on loopback: the real studio server (production build, group
// commit, validation, bot filter, salts, rollups) against a bare node:http server that parses the
// same beacons and inserts the same rows into SQLite, measured in the same run with autocannon.
// Goal: at least 60 % of the bare server's throughput, p99 under 50 ms.
// Then, when scripts/bench/ingest/dashboards.ts exists, the dashboard loaders over 10 M events.
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

async function load(url: string, slug: string) {
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
  };
}

export async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ingest-"));
  fs.mkdirSync("node_modules/.cache", { recursive: true });
  const build = spawnSync(
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
    // Warm both, then measure turn about.
    await load(`http://127.0.0.1:${studioPort}/api/v1/events`, slug);
    const baseline = await load(`http://127.0.0.1:${barePort}/`, slug);
    const measured = await load(`http://127.0.0.1:${studioPort}/api/v1/events`, slug);
    const rows: BenchRow[] = [
      {
        name: "bare node:http + SQLite",
        "requests/s": baseline.rps,
        "p99 ms": baseline.p99,
        "non-2xx": baseline.non2xx,
      },
      {
        name: "studio POST /api/v1/events",
        "requests/s": measured.rps,
        "p99 ms": measured.p99,
        "non-2xx": measured.non2xx,
      },
      {
        name: "studio ÷ bare",
        "requests/s": Number((measured.rps / baseline.rps).toFixed(2)),
        "p99 ms": Number((measured.p99 / Math.max(1, baseline.p99)).toFixed(2)),
        "non-2xx": 0,
      },
    ];
    report("ingest", rows, {
      connections: CONNECTIONS,
      seconds: SECONDS,
      eventsPerBeacon: EVENTS_PER_BEACON,
      goals: { throughputRatio: 0.6, p99Ms: 50 },
    });
  } finally {
    studio.kill("SIGTERM");
    bare.kill("SIGTERM");
  }

  const dashboards = path.join(path.dirname(new URL(import.meta.url).pathname), "ingest", "dashboards.ts");
  if (fs.existsSync(dashboards)) {
    const mod = (await import(pathToFileURL(dashboards).href)) as { runDashboardBench?: () => Promise<void> };
    await mod.runDashboardBench?.();
  }
  fs.rmSync(root, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
