// Starts the studio: builds when the sources are newer than the build, then boots (data folder lock,
// migrations, sweep of crash leftovers, first admin, demo seed once), starts the job process
// (scripts/job-process.mjs, restarted if it dies) and serves on PORT (default 3000). A second
// studio on the same data folder is refused before it touches anything.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import { bodySizeLimit, readBodyWithin } from "./body-limit.mjs";

const root = process.cwd();
const buildFile = path.join(root, "build", "index.js");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const sources = Math.max(
    newestMtime(path.join(root, "app")),
    newestMtime(path.join(root, "db")),
    fs.statSync(path.join(root, "remix.config.js")).mtimeMs,
  );
  if (fs.existsSync(buildFile) && fs.statSync(buildFile).mtimeMs >= sources) return;
  console.log("Building the studio…");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "remix"), ["build"], {
    stdio: "inherit",
    cwd: root,
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

buildIfNeeded();
process.env.NODE_ENV ??= "production";
const build = await import(pathToFileURL(buildFile).href);
let booted;
try {
  // The workers run in a job process of their own, started below once boot has migrated.
  booted = await build.entry.module.bootStudio({ startJobs: false });
} catch (error) {
  if (error?.code !== "DATA_DIR_LOCKED") throw error;
  console.error(error.message);
  process.exit(1);
}
const { studio, shutdown } = booted;
const jobs = build.entry.module.superviseJobProcess({
  script: path.join(root, "scripts", "job-process.mjs"),
});

const app = express();
app.disable("x-powered-by");

/** One JSON line per request, like the application's own logs. */
function logRequest(method, requestPath, status, started) {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(
    JSON.stringify({
      level: 30,
      time: new Date().toISOString(),
      msg: "request",
      method,
      path: requestPath,
      status,
      ms: Math.round(ms),
    }),
  );
}

// The landing pages' event beacons (POST /api/v1/events) are answered here, on node:http, before
// Express and the Remix router (docs/decisions/0044): the same function as the route's, without a
// Fetch Request, with the same rate limit, body cap, validation, answers and log line. Any other
// spelling of the path (a trailing slash, other letter case) still reaches the route.
const EVENTS_PATH = "/api/v1/events";
function isEventBeacon(req) {
  if (req.method !== "POST") return false;
  const url = req.url ?? "";
  return url === EVENTS_PATH || url.startsWith(`${EVENTS_PATH}?`);
}

async function answerEventBeacon(req, res) {
  const started = process.hrtime.bigint();
  let tooLarge = false;
  try {
    const reply = await build.entry.module.answerNodeEventBeacon({
      headers: req.headers,
      clientIp: req.socket.remoteAddress ?? "unknown",
      async readBody(maxBytes) {
        const body = await readBodyWithin(req, maxBytes);
        tooLarge = body === null;
        return body;
      },
    });
    // Past the cap the rest of the upload is not read: the answer closes the connection (as the
    // server's body limit does).
    const headers = tooLarge ? { ...reply.headers, Connection: "close" } : reply.headers;
    headers["Content-Length"] = Buffer.byteLength(reply.body);
    res.writeHead(reply.status, headers);
    res.end(reply.body);
    // Accepted beacons are counted in the database; a log line each would drown the rest.
    if (reply.status !== 202) logRequest("POST", EVENTS_PATH, reply.status, started);
  } catch (error) {
    // What the Remix router answers when a route throws: a bare 500, the error in the log.
    console.error(error);
    if (res.headersSent || res.destroyed) return;
    res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Unexpected Server Error");
    logRequest("POST", EVENTS_PATH, 500, started);
  }
}

app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    if (req.path === "/healthz" || req.path.startsWith("/build/")) return;
    // Accepted beacons are counted in the database; a log line each would drown the rest.
    if (req.path === EVENTS_PATH && res.statusCode === 202) return;
    logRequest(req.method, req.path, res.statusCode, started);
  });
  next();
});
// Form and JSON bodies up to 1 MiB (413 past it); multipart uploads have their routes' own caps.
app.use(bodySizeLimit());
// Cross-site posts that carry the session cookie get a 403 in Chinese here, before Remix answers
// a native form post from another origin with an empty 500 of its own.
app.use(async (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const refusal = build.entry.module.crossSiteRefusal(
    new Request(`http://${req.headers.host ?? "localhost"}${req.originalUrl}`, {
      method: req.method,
      headers,
    }),
  );
  if (!refusal) return next();
  res.status(refusal.status).set("Content-Type", refusal.headers.get("Content-Type") ?? "text/plain");
  res.send(await refusal.text());
});
app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: "production",
    getLoadContext: (req) => ({ clientIp: req.socket.remoteAddress ?? "unknown" }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = http.createServer((req, res) => {
  if (isEventBeacon(req)) return void answerEventBeacon(req, res);
  app(req, res);
});
server.listen(port, host, () => {
  console.log(
    JSON.stringify({
      level: 30,
      msg: "listening",
      url: `http://localhost:${port}`,
      dataDir: studio.config.dataDir,
    }),
  );
});

let closing = false;
async function stop(signal) {
  if (closing) return;
  closing = true;
  console.log(JSON.stringify({ level: 30, msg: "shutting down", signal }));
  server.close();
  server.closeAllConnections?.();
  await jobs.stop();
  await shutdown();
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
