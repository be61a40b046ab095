import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { pruneVisitorSalts } from "~/modules/tracking/visitor-hash.server";
import { withTestStudio } from "../setup/test-studio";
import { eventId, postEvents, publishedPiece, rollupsOf, storedEventCount } from "./tracking-helpers";

let clock = new Date("2026-06-16T04:00:00Z");
const t = withTestStudio({ now: () => clock });

describe("POST /api/v1/events", () => {
  it("stores a beacon once: the same event sent again is a duplicate, not a second view", async () => {
    const piece = await publishedPiece(t.studio);
    const batch = {
      slug: piece.slug,
      src: "douyin-main",
      utm_campaign: "616",
      events: [
        { id: eventId(), type: "page_view" },
        { id: eventId(), type: "play", watchSeconds: 0 },
      ],
    };
    const first = await postEvents(batch);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: 2, duplicates: 0 });
    const again = await postEvents(batch);
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 2 });
    expect(storedEventCount(t.studio)).toBe(2);
    expect(rollupsOf(t.studio, piece.id)).toMatchObject([
      { day: "2026-06-16", source: "douyin-main", views: 1, plays: 1, visitors: 1 },
    ]);
  });

  it("does not count bots: Chinese crawlers and headless browsers get 202 and nothing is stored", async () => {
    const piece = await publishedPiece(t.studio);
    for (const userAgent of [
      "Mozilla/5.0 (compatible; Bytespider; spider-feedback@bytedance.com)",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
    ]) {
      const answer = await postEvents(
        { slug: piece.slug, events: [{ id: eventId(), type: "page_view" }] },
        { userAgent },
      );
      expect(answer.status).toBe(202);
      expect(await answer.json()).toMatchObject({ accepted: 0, ignored: 1 });
    }
    expect(storedEventCount(t.studio)).toBe(0);
    expect(rollupsOf(t.studio, piece.id)).toEqual([]);
  });

  it("refuses bad beacons with the reason and stores nothing", async () => {
    const piece = await publishedPiece(t.studio);
    const draft = await publishedPiece(t.studio, { status: "draft", title: "草稿海报" });
    const one = (type = "page_view") => [{ id: eventId(), type }];
    const cases: [unknown, number, string, string?][] = [
      [{ slug: piece.slug, events: one("share") }, 400, "event_unknown_type"],
      [{ slug: "no-such-page", events: one() }, 400, "unknown_page"],
      [{ slug: draft.slug, events: one() }, 400, "unknown_page"],
      [
        { slug: piece.slug, events: Array.from({ length: 51 }, () => one()[0]) },
        400,
        "event_batch_too_large",
      ],
      [{ slug: piece.slug, events: [] }, 400, "invalid_body"],
      [{ slug: piece.slug, events: [{ id: "x", type: "page_view" }] }, 400, "invalid_body"],
      ["{not json", 400, "invalid_json"],
      [{ slug: piece.slug, events: one(), pad: "x".repeat(70 * 1024) }, 413, "payload_too_large"],
      [
        { slug: piece.slug, events: one() },
        415,
        "unsupported_media_type",
        "application/x-www-form-urlencoded",
      ],
    ];
    for (const [body, status, code, contentType] of cases) {
      const answer = await postEvents(body, { contentType });
      expect(answer.status, code).toBe(status);
      const { error } = (await answer.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(3);
    }
    expect(storedEventCount(t.studio)).toBe(0);
  });

  it("explains an unknown type in English to an English browser", async () => {
    const piece = await publishedPiece(t.studio);
    const request = new Request("http://localhost/api/v1/events", {
      method: "POST",
      body: JSON.stringify({ slug: piece.slug, events: [{ id: eventId(), type: "share" }] }),
      headers: { "Content-Type": "text/plain", "Accept-Language": "en-US,en;q=0.9" },
    });
    const { action } = await import("~/routes/api.v1.events");
    const answer = (await action({ request, params: {}, context: { clientIp: "198.51.100.9" } })) as Response;
    expect(((await answer.json()) as { error: { message: string } }).error.message).toBe(
      "Unknown event type “share”.",
    );
  });

  it("limits each address: past the limit it answers 429 with Retry-After and stores nothing more", async () => {
    const piece = await publishedPiece(t.studio);
    let last: Response | null = null;
    for (let i = 0; i < 241; i++)
      last = await postEvents(
        { slug: piece.slug, events: [{ id: eventId(), type: "page_view" }] },
        { ip: "192.0.2.44" },
      );
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(storedEventCount(t.studio)).toBe(240);
    const other = await postEvents(
      { slug: piece.slug, events: [{ id: eventId(), type: "page_view" }] },
      { ip: "192.0.2.45" },
    );
    expect(other.status).toBe(202);
  });

  it("counts a visitor once a day, watch time by growth, and forgets the day's salt after 48 hours", async () => {
    clock = new Date("2026-06-16T04:00:00Z");
    const piece = await publishedPiece(t.studio, { kind: "episode", title: "一分钟识车：新款轿车" });
    const send = (events: { type: string; watchSeconds?: number }[], ip = "203.0.113.7") =>
      postEvents(
        { slug: piece.slug, src: "kuaishou", events: events.map((e) => ({ id: eventId(), ...e })) },
        { ip },
      );
    await send([
      { type: "page_view" },
      { type: "play", watchSeconds: 0 },
      { type: "progress_25", watchSeconds: 15 },
    ]);
    await send([
      { type: "progress_50", watchSeconds: 30 },
      { type: "progress_75", watchSeconds: 45 },
    ]);
    await send([{ type: "complete", watchSeconds: 60 }]);
    await send(
      [{ type: "page_view" }, { type: "play", watchSeconds: 0 }, { type: "progress_25", watchSeconds: 16 }],
      "203.0.113.8",
    );
    expect(rollupsOf(t.studio, piece.id)).toMatchObject([
      {
        views: 2,
        visitors: 2,
        plays: 2,
        progress25: 2,
        progress50: 1,
        progress75: 1,
        completes: 1,
        watchSeconds: 76,
      },
    ]);

    const salts = () => t.studio.db.select({ n: count() }).from(schema.visitorSalts).get()!.n;
    expect(salts()).toBe(1);
    const keep = pruneVisitorSalts({
      db: t.studio.db,
      now: new Date("2026-06-17T15:59:00Z"),
      timeZone: "Asia/Shanghai",
    });
    expect(keep.salts).toBe(0);
    // 2026-06-18 00:00 in Shanghai: the 16th began 48 hours ago.
    const gone = pruneVisitorSalts({
      db: t.studio.db,
      now: new Date("2026-06-17T16:00:00Z"),
      timeZone: "Asia/Shanghai",
    });
    expect(gone).toEqual({ salts: 1, visitors: 2 });
    expect(salts()).toBe(0);
    // The raw events and the rollup stay.
    expect(storedEventCount(t.studio)).toBe(9);
    expect(rollupsOf(t.studio, piece.id)[0]!.visitors).toBe(2);
  });
});
