import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, startServer, type RunningServer } from "../setup/studio-server";
import { PHONE_UA } from "./tracking-helpers";

// The real server (`npm start`'s script) answers POST /api/v1/events on node:http before Express
// and Remix (docs/decisions/0044). These beacons go through it and must get everything the
// route gives: the rate limit, the body cap, the same refusals, the stored events.

const RATE_LIMIT = 30;
let server: RunningServer;
let slug: string;

function readDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(path.join(server.dataDir, "studio.sqlite"), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  buildApp();
  server = await startServer({ env: { EVENT_RATE_LIMIT: String(RATE_LIMIT) } });
  slug = readDb(
    (db) =>
      (
        db.prepare("select slug from pieces where status = 'published' order by id limit 1").get() as {
          slug: string;
        }
      ).slug,
  );
}, 600_000);

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

let next = 0;
const eventId = () => `fast-${Date.now().toString(36)}-${(next++).toString(36).padStart(4, "0")}`;

/** A beacon as a phone's sendBeacon sends it (all from 127.0.0.1: one address, one rate limit). */
function beacon(body: unknown, options: { path?: string; headers?: Record<string, string> } = {}) {
  return fetch(`${server.baseUrl}${options.path ?? "/api/v1/events"}`, {
    method: "POST",
    headers: { "Content-Type": "text/plain;charset=UTF-8", "User-Agent": PHONE_UA, ...options.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A POST whose body is sent in chunks, without a Content-Length, as a stream would be. */
function chunkedPost(
  body: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.baseUrl}/api/v1/events`, {
      method: "POST",
      headers: { "Content-Type": "text/plain", "User-Agent": PHONE_UA, "Transfer-Encoding": "chunked" },
    });
    request.on("response", (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, text }));
    });
    // The server may close the connection before the whole upload is sent: that is the point.
    request.on("error", (error) => (error.message.includes("EPIPE") ? undefined : reject(error)));
    for (let at = 0; at < body.length; at += 8 * 1024) request.write(body.slice(at, at + 8 * 1024));
    request.end();
  });
}

const storedIds = (ids: string[]) =>
  readDb(
    (db) =>
      (
        db
          .prepare(
            `select count(*) n from tracking_events where event_id in (${ids.map(() => "?").join(",")})`,
          )
          .get(...ids) as { n: number }
      ).n,
  );

describe("the server's own answer to event beacons", () => {
  it("stores a valid beacon, answers the same refusals as the route, refuses oversized bodies and bursts", async () => {
    // A valid beacon is stored and counted, and a retry of it is a duplicate.
    const events = [
      { id: eventId(), type: "page_view" },
      { id: eventId(), type: "play", watchSeconds: 0 },
    ];
    const accepted = await beacon({ slug, src: "douyin-main", events });
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(await accepted.json()).toEqual({ accepted: 2, duplicates: 0 });
    expect(storedIds(events.map((e) => e.id))).toBe(2);
    expect(await (await beacon({ slug, src: "douyin-main", events })).json()).toEqual({
      accepted: 0,
      duplicates: 2,
    });

    // Answered on node:http, whole (a Content-Length); the route, reached by another spelling of
    // the path, streams its answer through Remix. Both say the same, in the asker's language.
    const bad = { slug, events: [{ id: eventId(), type: "share" }] };
    const fast = await beacon(bad, { headers: { "Accept-Language": "en" } });
    const routed = await beacon(bad, { path: "/api/v1/events/", headers: { "Accept-Language": "en" } });
    expect(fast.headers.get("Content-Length")).not.toBeNull();
    expect(routed.headers.get("Content-Length")).toBeNull();
    expect([fast.status, routed.status]).toEqual([400, 400]);
    const [fastBody, routedBody] = [await fast.json(), await routed.json()];
    expect(fastBody).toEqual({
      error: { code: "event_unknown_type", message: "Unknown event type “share”.", field: "events.type" },
    });
    expect(routedBody).toEqual(fastBody);
    for (const [body, status, code, contentType] of [
      ["{not json", 400, "invalid_json"],
      [{ slug, events: [] }, 400, "invalid_body"],
      [{ slug: "no-such-page", events: [{ id: eventId(), type: "page_view" }] }, 400, "unknown_page"],
      [{ slug, events: [{ id: eventId(), type: "page_view" }] }, 415, "unsupported_media_type", "text/html"],
    ] as const) {
      const headers = contentType ? { "Content-Type": contentType } : undefined;
      const [one, other] = [
        await beacon(body, { headers }),
        await beacon(body, { path: "/api/v1/events/", headers }),
      ];
      expect([one.status, other.status], code).toEqual([status, status]);
      const answer = (await one.json()) as { error: { code: string } };
      expect(answer.error.code).toBe(code);
      expect(await other.json()).toEqual(answer);
    }

    // Over the 64 KB cap: 413 before the body is read (declared length) or as soon as it passes
    // the cap (chunked), the connection closed, nothing stored.
    const padded = (id: string) =>
      JSON.stringify({ slug, events: [{ id, type: "page_view" }], pad: "x".repeat(70 * 1024) });
    const declaredId = eventId();
    const declared = await beacon(padded(declaredId));
    expect(declared.status).toBe(413);
    expect(declared.headers.get("Connection")).toBe("close");
    expect(((await declared.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    const chunkedId = eventId();
    const chunked = await chunkedPost(padded(chunkedId));
    expect(chunked.status).toBe(413);
    expect(chunked.headers.connection).toBe("close");
    expect(JSON.parse(chunked.text).error.code).toBe("payload_too_large");
    expect(storedIds([declaredId, chunkedId])).toBe(0);

    // A burst from one address: past EVENT_RATE_LIMIT a minute, 429 with Retry-After, in the
    // asker's language, and nothing more stored; the route counts against the same limit.
    // (More than the limit, so some are refused even if a new minute began just before.)
    const burst = Array.from({ length: RATE_LIMIT + 5 }, () => eventId());
    const answers = await Promise.all(
      burst.map((id) =>
        beacon({ slug, events: [{ id, type: "page_view" }] }, { headers: { "Accept-Language": "en" } }),
      ),
    );
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0]!.headers.get("Retry-After"))).toBeGreaterThan(0);
    const refusal = (await limited[0]!.json()) as { error: { code: string; message: string } };
    expect(refusal.error.code).toBe("rate_limited");
    expect(refusal.error.message).toMatch(/^Too many requests/);
    const stored = answers.filter((answer) => answer.status === 202).length;
    expect(storedIds(burst)).toBe(stored);
    expect(
      (await beacon({ slug, events: [{ id: eventId(), type: "page_view" }] }, { path: "/api/v1/events/" }))
        .status,
    ).toBe(429);

    // Refused beacons get a log line each, accepted ones none.
    const lines = server
      .output()
      .split("\n")
      .filter((line) => line.includes('"path":"/api/v1/events"'))
      .map((line) => JSON.parse(line) as { status: number });
    expect(lines.some((line) => line.status === 413)).toBe(true);
    expect(lines.some((line) => line.status === 429)).toBe(true);
    expect(lines.some((line) => line.status === 202)).toBe(false);
  });
});
