import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { startServer, type RunningServer } from "../setup/studio-server";

const PHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
  if (servers[0]) fs.rmSync(servers[0].dataDir, { recursive: true, force: true });
});

function readDb<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, "studio.sqlite"), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

it("keeps every event it answered 2xx when the server is killed with SIGKILL right after", async () => {
  const first = await startServer();
  servers.push(first);
  const slug = readDb(
    first.dataDir,
    (db) =>
      (
        db.prepare("select slug from pieces where status = 'published' order by id limit 1").get() as {
          slug: string;
        }
      ).slug,
  );
  const before = readDb(
    first.dataDir,
    (db) => (db.prepare("select count(*) n from tracking_events").get() as { n: number }).n,
  );

  // 40 beacons of 10 events, all at once: the group commit writes them in a few transactions.
  const ids: string[] = [];
  const beacons = Array.from({ length: 40 }, (_, b) => {
    const events = Array.from({ length: 10 }, (_, e) => {
      const id = `crash-${b.toString().padStart(2, "0")}-${e.toString().padStart(2, "0")}-${Date.now().toString(36)}`;
      ids.push(id);
      return { id, type: e === 0 ? "page_view" : "play", watchSeconds: 0 };
    });
    return fetch(`${first.baseUrl}/api/v1/events`, {
      method: "POST",
      headers: { "Content-Type": "text/plain;charset=UTF-8", "User-Agent": PHONE_UA },
      body: JSON.stringify({ slug, src: "douyin-main", events }),
    });
  });
  const answers = await Promise.all(beacons);
  // The server answers beacons before Remix: the same caps and errors as the route.
  const big = await fetch(`${first.baseUrl}/api/v1/events`, {
    method: "POST",
    headers: { "Content-Type": "text/plain", "User-Agent": PHONE_UA },
    body: JSON.stringify({ slug, events: [], pad: "x".repeat(70 * 1024) }),
  });
  expect(big.status).toBe(413);
  expect(((await big.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  const unknown = await fetch(`${first.baseUrl}/api/v1/events`, {
    method: "POST",
    headers: { "Content-Type": "text/plain", "User-Agent": PHONE_UA, "Accept-Language": "en" },
    body: JSON.stringify({ slug, events: [{ id: "abcdefgh-1", type: "share" }] }),
  });
  expect(unknown.status).toBe(400);
  expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe(
    "Unknown event type “share”.",
  );
  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
  first.process.kill("SIGKILL");
  await new Promise((resolve) => first.process.once("exit", resolve));

  // A new server on the same data directory starts (taking over the dead one's lock) and finds them all.
  const second = await startServer({ dataDir: first.dataDir });
  servers.push(second);
  const stored = readDb(second.dataDir, (db) => {
    const placeholders = ids.map(() => "?").join(",");
    return (
      db
        .prepare(`select count(*) n from tracking_events where event_id in (${placeholders})`)
        .get(...ids) as {
        n: number;
      }
    ).n;
  });
  expect(stored).toBe(400);
  const total = readDb(
    second.dataDir,
    (db) => (db.prepare("select count(*) n from tracking_events").get() as { n: number }).n,
  );
  expect(total).toBe(before + 400);
});
