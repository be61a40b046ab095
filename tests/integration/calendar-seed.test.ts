import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { endOfDay, startOfDay, startOfMonth } from "~/lib/dates";
import { schema } from "~/lib/db.server";
import { getCalendar } from "~/modules/calendar/get-calendar.server";
import { applyCalendarChannels } from "../../db/seed-calendar";
import { seedDemoData } from "../../db/seed";
import { createTestStudio, type TestStudio } from "../setup/test-studio";

/** 10:00 on Wednesday 11 March 2026 in Shanghai. */
const NOW = new Date("2026-03-11T02:00:00Z");
const TZ = "Asia/Shanghai";

let t: TestStudio;
beforeEach(() => (t = createTestStudio({ now: () => NOW })));
afterEach(() => t.cleanup());

describe("the calendar's demo data", () => {
  it("fills this month and the next with slots across the channels, once", async () => {
    expect((await seedDemoData({ db: t.studio.db, now: NOW, dataDir: t.dir })).seeded).toBe(true);
    const db = t.studio.db;
    const slots = db
      .select({
        slot: schema.slots,
        key: schema.channels.key,
        kind: schema.pieces.kind,
        pieceStatus: schema.pieces.status,
      })
      .from(schema.slots)
      .innerJoin(schema.channels, eq(schema.channels.id, schema.slots.channelId))
      .innerJoin(schema.pieces, eq(schema.pieces.id, schema.slots.pieceId))
      .all();
    const byStatus = (status: string) => slots.filter((s) => s.slot.status === status);

    // Every channel with a rule has slots; the span is this month and the next.
    for (const key of [
      "douyin-main",
      "douyin-service",
      "wechat-official",
      "wechat-moments",
      "autohome",
      "yiche",
    ])
      expect(slots.some((s) => s.key === key)).toBe(true);
    const aprilEnd = startOfMonth(new Date("2026-05-15T00:00:00Z"), TZ);
    expect(slots.every((s) => s.slot.publishAt < aprilEnd)).toBe(true);
    expect(slots.some((s) => s.slot.publishAt >= new Date("2026-04-25T00:00:00Z"))).toBe(true);

    // Published ones before now with live URLs and an attempt; planned ones after.
    expect(byStatus("published").length).toBeGreaterThan(50);
    expect(
      byStatus("published").every((s) => s.slot.publishAt < NOW && s.slot.liveUrl?.startsWith("https://")),
    ).toBe(true);
    expect(byStatus("planned").every((s) => s.slot.publishAt >= NOW)).toBe(true);
    expect(byStatus("planned").length).toBeGreaterThan(300);
    // Kinds always fit their channel, and pieces are scheduled or published.
    const kinds = new Map(
      db
        .select()
        .from(schema.channels)
        .all()
        .map((c) => [c.key, c.kinds]),
    );
    expect(slots.every((s) => kinds.get(s.key)!.includes(s.kind))).toBe(true);
    expect(slots.every((s) => ["scheduled", "published"].includes(s.pieceStatus))).toBe(true);

    // A hand-off task due today, a missed task, one unconfirmed webhook slot with its attempt.
    const [task] = byStatus("queued");
    expect(byStatus("queued")).toHaveLength(1);
    expect(task.slot.publishAt >= startOfDay(NOW, TZ) && task.slot.publishAt <= endOfDay(NOW, TZ)).toBe(true);
    expect(task.slot.publishAt < NOW).toBe(true);
    expect(byStatus("missed")).toHaveLength(1);
    const [unconfirmed] = byStatus("unconfirmed");
    expect(byStatus("unconfirmed")).toHaveLength(1);
    expect(unconfirmed.key).toBe("miniprogram");
    const attempts = db
      .select()
      .from(schema.publishAttempts)
      .where(eq(schema.publishAttempts.slotId, unconfirmed.slot.id))
      .all();
    expect(attempts).toMatchObject([{ publisher: "webhook", outcome: "unconfirmed" }]);
    const mini = db.select().from(schema.channels).where(eq(schema.channels.key, "miniprogram")).get()!;
    expect(mini).toMatchObject({ publisher: "webhook" });
    expect(mini.webhookSecret).toMatch(/^[0-9a-f]{64}$/);

    // The page shows a gap or two and approved episodes waiting for a slot.
    const from = startOfMonth(NOW, TZ);
    const view = getCalendar({
      db,
      dataKey: t.studio.config.dataKey,
      now: NOW,
      timeZone: TZ,
      from,
      to: startOfMonth(new Date("2026-04-15T00:00:00Z"), TZ),
    });
    const open = view.gaps.filter((g) => g.kind === "gap");
    expect(open.length).toBeGreaterThanOrEqual(2);
    expect(open.length).toBeLessThanOrEqual(5);
    expect(open.some((g) => g.channelKey === "douyin-main" && !g.past && g.suggestions.length > 0)).toBe(
      true,
    );
    expect(open.some((g) => g.channelKey === "douyin-service" && g.period === "week")).toBe(true);
    expect(view.unscheduled.filter((p) => p.kind === "episode").length).toBeGreaterThanOrEqual(4);
    expect(view.campaign).toMatchObject({ month: 3, name: "女神节专场" });
    expect(view.mix.total).toBeGreaterThan(50);

    // A second start seeds nothing twice.
    const n = db.select({ n: count() }).from(schema.slots).get()!.n;
    expect((await seedDemoData({ db, now: NOW, dataDir: t.dir })).seeded).toBe(false);
    expect(db.select({ n: count() }).from(schema.slots).get()!.n).toBe(n);
  });

  it("brings an installation seeded before the calendar to the documented keys and rules, idempotently", () => {
    const db = t.studio.db;
    // The first seed's channels: old keys for three of them, no kinds, no rules.
    for (const [key, name] of [
      ["douyin-main", "抖音主号"],
      ["wechat-oa", "微信公众号"],
      ["moments", "朋友圈"],
      ["mini-program", "小程序"],
    ])
      db.insert(schema.channels).values({ key, name }).run();
    const apply = () => db.transaction((tx) => applyCalendarChannels(tx, { now: NOW, users: new Map() }));
    apply();
    const keys = () =>
      db
        .select({ key: schema.channels.key })
        .from(schema.channels)
        .all()
        .map((c) => c.key);
    expect(keys()).toEqual(expect.arrayContaining(["wechat-official", "wechat-moments", "miniprogram"]));
    expect(keys()).not.toEqual(expect.arrayContaining(["wechat-oa"]));
    expect(keys()).toHaveLength(10);
    const official = db
      .select()
      .from(schema.channels)
      .where(eq(schema.channels.key, "wechat-official"))
      .get()!;
    expect(official.id).toBe(2);
    expect(official.kinds).toContain("article");

    // An editor's changes stay when the settings are applied again; nothing is doubled.
    db.update(schema.channels)
      .set({ color: "#000000", kinds: ["article"] })
      .where(eq(schema.channels.id, official.id))
      .run();
    const rules = db.select({ n: count() }).from(schema.cadenceRules).get()!.n;
    apply();
    expect(db.select().from(schema.channels).where(eq(schema.channels.id, official.id)).get()).toMatchObject({
      color: "#000000",
      kinds: ["article"],
    });
    expect(db.select({ n: count() }).from(schema.cadenceRules).get()!.n).toBe(rules);
    expect(keys()).toHaveLength(10);
  });
});
