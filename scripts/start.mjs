// Starts the studio: builds when the sources are newer than the build, then boots (data folder lock,
// migrations, sweep of crash leftovers, first admin, demo seed once, job worker) and serves on PORT
// (default 3000). A second studio on the same data folder is refused before it touches anything.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import { bodySizeLimit } from "./body-limit.mjs";

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
  booted = await build.entry.module.bootStudio();
} catch (error) {
  if (error?.code !== "DATA_DIR_LOCKED") throw error;
  console.error(error.message);
  process.exit(1);
}
const { studio, shutdown } = booted;

const app = express();
app.disable("x-powered-by");
// One JSON line per request, like the application's own logs.
app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    if (req.path === "/healthz" || req.path.startsWith("/build/")) return;
    // Accepted beacons are counted in the database; a log line each would drown the rest.
    if (req.path === "/api/v1/events" && res.statusCode === 202) return;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(
      JSON.stringify({
        level: 30,
        time: new Date().toISOString(),
        msg: "request",
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms),
      }),
    );
  });
  next();
});
// The landing pages' event beacons skip the Remix router (most of a beacon's cost under load):
// the same function the /api/v1/events route calls, with the same body cap, rate limit and answers.
const EVENTS_BODY_CAP = 64 * 1024;
app.post("/api/v1/events", async (req, res, next) => {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    // Read here up to one byte past the cap, so the shared function still answers 413 itself.
    const chunks = [];
    let size = 0;
    const clientIp = req.socket.remoteAddress ?? "unknown";
    // Past the cap the rest is read and dropped (so the 413 reaches the client), up to the
    // server's 1 MiB limit for any body; a bigger one is cut off.
    for await (const chunk of req) {
      size += chunk.length;
      if (size - chunk.length <= EVENTS_BODY_CAP) chunks.push(chunk);
      if (size > 1024 * 1024) return req.destroy();
    }
    // The body is whole in memory now: its length is its own, not the client's header.
    headers.delete("content-length");
    headers.delete("transfer-encoding");
    const request = new Request(`http://${req.headers.host ?? "localhost"}${req.originalUrl}`, {
      method: "POST",
      headers,
      body: Buffer.concat(chunks),
    });
    const ip = build.entry.module.clientAddress(request, { clientIp });
    const answer = await build.entry.module.answerEventBeacon(request, ip);
    res.status(answer.status);
    answer.headers.forEach((value, name) => res.setHeader(name, value));
    res.send(Buffer.from(await answer.arrayBuffer()));
  } catch (error) {
    if (error instanceof Response) {
      res.status(error.status);
      error.headers.forEach((value, name) => res.setHeader(name, value));
      res.send(Buffer.from(await error.arrayBuffer()));
      return;
    }
    next(error);
  }
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
const server = app.listen(port, host, () => {
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
  await shutdown();
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
