// The baseline of the ingest bench: a bare node:http server that takes the same beacon body,
// parses it, and inserts the same tracking_events rows into SQLite (one transaction a request,
// no validation beyond JSON, no rollups, no salts). Usage: node bare-server.mjs <sqlite file> <port>
import http from "node:http";
import Database from "better-sqlite3";

const [file, port] = process.argv.slice(2);
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
const insert = db.prepare(
  "insert or ignore into tracking_events (event_id, piece_id, type, source, visitor_hash, day, watch_seconds, at) values (?, 1, ?, ?, 'bare', '2026-01-01', ?, ?)",
);
const write = db.transaction((events, source, at) => {
  for (const e of events) insert.run(e.id, e.type, source, e.watchSeconds ?? null, at);
});

http
  .createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        write(body.events, body.src ?? "direct", Date.now());
        res.writeHead(202, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ accepted: body.events.length }));
      } catch {
        res.writeHead(400).end();
      }
    });
  })
  .listen(Number(port), "127.0.0.1", () => console.log("ready"));
