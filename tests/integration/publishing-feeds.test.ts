import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { moveSlot } from "~/modules/calendar/move-slot.server";
import { action as feedsAction, loader as feedsLoader } from "~/routes/_app.feeds";
import { loader as feedLoader } from "~/routes/feeds.$file";
import { formRequest, getRequest, respond } from "../setup/test-studio";
import { approvedPiece, insertSlot, makeChannel, withPublishingStudio } from "./publishing-helpers";

const { t, clock } = withPublishingStudio();
const HOUR = 60 * 60_000;

function post(fields: Record<string, string>, cookie: string) {
  return respond(() =>
    feedsAction({ request: formRequest("/feeds", fields, cookie), params: {}, context: {} }),
  );
}

function fetchFeed(url: string) {
  const path = new URL(url).pathname;
  const file = path.split("/").pop()!;
  return respond(() => feedLoader({ request: getRequest(path), params: { file }, context: {} }));
}

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      startIsUtc: event.startDate.zone?.tzid === "UTC",
      summary: event.summary,
      sequence: event.sequence,
    };
  });
}

async function setUp() {
  const editor = await t.signIn("editor");
  const owner = await t.signIn("copywriter");
  const operator = await t.signIn("producer");
  const moments = makeChannel(t.studio, {
    key: "wechat-moments",
    name: "朋友圈",
    operatorId: operator.actor.id,
  });
  const yiche = makeChannel(t.studio, { key: "yiche", name: "易车" });
  const poster = approvedPiece(t.studio, {
    owner: owner.actor,
    editor: editor.actor,
    title: "五一自驾节海报",
  });
  const article = approvedPiece(t.studio, {
    owner: editor.actor,
    editor: editor.actor,
    kind: "article",
    title: "雨季用车",
  });
  // Slots sit on whole minutes, as the calendar makes them (ICS times have no milliseconds).
  const now = Math.ceil(clock.now().getTime() / 60_000) * 60_000;
  const slot = (piece: { id: number }, channel: { id: number }, hoursFromNow: number) =>
    insertSlot(t.studio, {
      pieceId: piece.id,
      channelId: channel.id,
      publishAt: new Date(now + hoursFromNow * HOUR),
    });
  const slots = {
    planned: slot(poster, moments, 26),
    queued: slot(article, moments, 2),
    published: slot(poster, moments, -5),
    otherChannel: slot(poster, yiche, 50),
    notMine: slot(article, yiche, 30),
  };
  const setStatus = (id: number, status: string) =>
    t.studio.db.update(schema.slots).set({ status }).where(eq(schema.slots.id, id)).run();
  setStatus(slots.queued.id, "queued");
  setStatus(slots.published.id, "published");
  return { editor, owner, operator, moments, slots };
}

it("serves a channel feed that a real iCalendar parser reads, with stable UIDs that move with the slot, and 404 once revoked", async () => {
  const { editor, owner, slots } = await setUp();

  // Only editors make channel feeds.
  const refused = await post({ intent: "create-channel", channel: "wechat-moments" }, owner.cookie);
  expect(refused.status).toBe(403);
  const unknown = await post({ intent: "create-channel", channel: "myspace" }, editor.cookie);
  expect(unknown.status).toBe(400);
  expect((await unknown.json()).errors).toEqual({ channel: "所选渠道不存在。" });

  const created = await post({ intent: "create-channel", channel: "wechat-moments" }, editor.cookie);
  expect(created.status).toBe(200);
  const { url } = (await created.json()) as { url: string };
  expect(url).toMatch(/^http:\/\/localhost\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
  // Only the token's hash is stored.
  const token = url
    .split("/")
    .pop()!
    .replace(/\.ics$/, "");
  const stored = t.studio.db.select().from(schema.calendarFeeds).all();
  expect(stored).toHaveLength(1);
  expect(JSON.stringify(stored)).not.toContain(token);

  const first = await fetchFeed(url);
  expect(first.status).toBe(200);
  expect(first.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
  const ics = await first.text();
  expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  const before = events(ics);
  // Planned and queued slots of this channel only: not the published one, not another channel's.
  expect(before.map((e) => e.uid).sort()).toEqual(
    [`slot-${slots.planned.id}@localhost`, `slot-${slots.queued.id}@localhost`].sort(),
  );
  const planned = before.find((e) => e.uid === `slot-${slots.planned.id}@localhost`)!;
  expect(planned.start).toBe(slots.planned.publishAt.toISOString());
  expect(planned.startIsUtc).toBe(true);
  expect(planned.summary).toBe("[朋友圈] 五一自驾节海报");

  // The editor moves the slot by a day: same UID, new time, higher sequence.
  const movedTo = new Date(slots.planned.publishAt.getTime() + 24 * HOUR);
  const moved = moveSlot({
    db: t.studio.db,
    actor: editor.actor,
    now: clock.now(),
    timeZone: t.studio.config.timeZone,
    slotId: slots.planned.id,
    publishAt: movedTo,
    version: slots.planned.version,
  });
  expect(moved.ok).toBe(true);
  const after = events(await (await fetchFeed(url)).text());
  const movedEvent = after.find((e) => e.uid === planned.uid)!;
  expect(after).toHaveLength(2);
  expect(movedEvent.start).toBe(movedTo.toISOString());
  expect(movedEvent.sequence).toBeGreaterThan(planned.sequence);

  // Revoked: the address answers 404, like an address that never existed.
  const feedId = stored[0].id;
  expect((await post({ intent: "revoke", feedId: String(feedId) }, owner.cookie)).status).toBe(403);
  expect((await post({ intent: "revoke", feedId: String(feedId) }, editor.cookie)).status).toBe(200);
  expect((await fetchFeed(url)).status).toBe(404);
  expect((await fetchFeed(url.replace(token, "x".repeat(43)))).status).toBe(404);
  expect((await fetchFeed("http://localhost/feeds/not-a-token.ics")).status).toBe(404);
});

it("gives every user their own feed: the channels they operate and the pieces they own", async () => {
  const { owner, operator, slots } = await setUp();
  const mine = async (cookie: string) => {
    const created = await post({ intent: "create-mine" }, cookie);
    expect(created.status).toBe(200);
    const { url } = (await created.json()) as { url: string };
    return {
      url,
      uids: events(await (await fetchFeed(url)).text())
        .map((e) => e.uid)
        .sort(),
    };
  };
  const uid = (id: number) => `slot-${id}@localhost`;

  // The operator of 朋友圈: both of its open slots, whoever owns the pieces.
  expect((await mine(operator.cookie)).uids).toEqual([uid(slots.planned.id), uid(slots.queued.id)].sort());
  // The poster's owner: its open slots on every channel.
  const ownerFeed = await mine(owner.cookie);
  expect(ownerFeed.uids).toEqual([uid(slots.planned.id), uid(slots.otherChannel.id)].sort());

  // The page lists one's own feeds; someone else cannot revoke them.
  const page = await respond(() =>
    feedsLoader({ request: getRequest("/feeds", { Cookie: owner.cookie }), params: {}, context: {} }),
  );
  const view = await page.json();
  expect(view.myFeeds).toHaveLength(1);
  expect(view.channelFeeds).toEqual([]);
  expect(view.canManageChannelFeeds).toBe(false);
  const feedId = String(view.myFeeds[0].id);
  expect((await post({ intent: "revoke", feedId }, operator.cookie)).status).toBe(403);
  expect((await post({ intent: "revoke", feedId }, owner.cookie)).status).toBe(200);
  expect((await fetchFeed(ownerFeed.url)).status).toBe(404);
});

it("limits feed fetches per address: past the limit it answers 429 with Retry-After, in the caller's language", async () => {
  const fetchFrom = (clientIp: string, headers: Record<string, string> = {}) =>
    respond(() =>
      feedLoader({
        request: getRequest("/feeds/guess.ics", headers),
        params: { file: "guess.ics" },
        context: { clientIp },
      }),
    );
  for (let i = 0; i < 120; i++) expect((await fetchFrom("203.0.113.7")).status).toBe(404);
  const refused = await fetchFrom("203.0.113.7", { "Accept-Language": "en" });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/too many/i);
  // Another address is not held back by the first one's guessing.
  expect((await fetchFrom("203.0.113.8")).status).toBe(404);
});
