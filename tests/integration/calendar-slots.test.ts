import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { createSlot } from "~/modules/calendar/create-slot.server";
import { deleteSlot } from "~/modules/calendar/delete-slot.server";
import { getCalendar } from "~/modules/calendar/get-calendar.server";
import { moveSlot } from "~/modules/calendar/move-slot.server";
import { createSlotSchema } from "~/modules/calendar/schemas";
import { updateSlot } from "~/modules/calendar/update-slot.server";
import { loader as gapsLoader } from "~/routes/api.v1.calendar.gaps";
import { loader as openapi } from "~/routes/api.v1.openapi[.]json";
import { action as slotAction, loader as slotLoader } from "~/routes/api.v1.slots.$id";
import { action as slotsAction, loader as slotsLoader } from "~/routes/api.v1.slots";
import { callRoute, jsonRequest } from "../setup/test-studio";
import { auditRows } from "../setup/audit-entries";
import { makePiece, NOW, sh, snapshot, withCalendarStudio } from "./calendar-helpers";

const t = withCalendarStudio();

const people = () => t.people({ editor: ["editor"], copy: ["copywriter"] });
/** The slot most tests plan: the piece on douyin-main at 19:00 on 3 March (Shanghai). */
const douyin19 = (pieceId: number, fields: Record<string, unknown> = {}) => ({
  pieceId,
  channel: "douyin-main",
  publishAt: sh("2026-03-03T19:00:00"),
  ...fields,
});

/** An approved episode of the copywriter's, planned by the editor on douyin-main at 19:00 on 3 March. */
async function planned(caption = "起雾怎么办") {
  const { editor, copy } = await people();
  const piece = makePiece(t.studio, { owner: copy.actor, editor: editor.actor });
  const res = await post(editor.cookie, douyin19(piece.id, { caption }));
  const slot = await res.json();
  return { editor, copy, piece, slot };
}

async function post(cookie: string, body: unknown) {
  return callRoute(slotsAction, jsonRequest("/api/v1/slots", "POST", body, { Cookie: cookie }));
}
async function patch(cookie: string, id: number, body: unknown) {
  return callRoute(slotAction, jsonRequest(`/api/v1/slots/${id}`, "PATCH", body, { Cookie: cookie }), {
    id: String(id),
  });
}
async function del(cookie: string, id: number) {
  return callRoute(
    slotAction,
    new Request(`http://localhost/api/v1/slots/${id}`, { method: "DELETE", headers: { Cookie: cookie } }),
    {
      id: String(id),
    },
  );
}
const slotRow = (id: number) => t.studio.db.select().from(schema.slots).where(eq(schema.slots.id, id)).get();
const pieceRow = (id: number) =>
  t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, id)).get()!;

describe("scheduling a piece", () => {
  it("puts an approved episode on a channel: a planned slot with its tracked link, the piece scheduled, all audited", async () => {
    const { editor, copy } = await people();
    const piece = makePiece(t.studio, { owner: copy.actor, editor: editor.actor });
    const res = await post(
      editor.cookie,
      douyin19(piece.id, { caption: "雨天开车起雾怎么办\n#用车技巧 #4S店" }),
    );
    expect(res.status).toBe(201);
    const slot = await res.json();
    expect(slot).toMatchObject({
      pieceId: piece.id,
      pieceTitle: piece.title,
      pieceKind: "episode",
      pieceStatus: "scheduled",
      channelKey: "douyin-main",
      channelName: "抖音主号",
      publishAt: "2026-03-03T11:00:00.000Z",
      caption: "雨天开车起雾怎么办\n#用车技巧 #4S店",
      status: "planned",
      heldReason: null,
      liveUrl: null,
      version: 1,
    });
    expect(slot.trackedLink).toMatch(new RegExp(`/p/${piece.slug}\\?src=douyin-main$`));
    expect(slot.channelColor).toMatch(/^#[0-9a-f]{6}$/i);

    const after = pieceRow(piece.id);
    expect(after.status).toBe("scheduled");
    expect(after.scheduledAt?.toISOString()).toBe("2026-03-03T11:00:00.000Z");
    const transitions = t.studio.db
      .select()
      .from(schema.pieceTransitions)
      .where(eq(schema.pieceTransitions.pieceId, piece.id))
      .all();
    expect(transitions.map((x) => x.action)).toEqual(["submit", "approve", "schedule"]);
    const audit = t.studio.db.select().from(schema.auditLog).all().slice(-2);
    expect(audit.map((a) => a.action)).toEqual(["slot.create", "piece.schedule"]);

    // The same piece on a second channel, earlier: still scheduled, now for the earlier time.
    const second = await post(editor.cookie, {
      pieceId: piece.id,
      channel: "autohome",
      publishAt: sh("2026-03-03T11:00:00"),
      caption: "起雾怎么办",
    });
    expect(second.status).toBe(201);
    expect(pieceRow(piece.id)).toMatchObject({ status: "scheduled" });
    expect(pieceRow(piece.id).scheduledAt?.toISOString()).toBe("2026-03-03T03:00:00.000Z");
    expect(t.studio.db.select().from(schema.slots).all()).toHaveLength(2);
  });

  it("reads a time without an offset as the studio's wall clock", async () => {
    const { editor, copy } = await people();
    const piece = makePiece(t.studio, { owner: copy.actor, editor: editor.actor });
    const res = await post(editor.cookie, {
      pieceId: piece.id,
      channel: "douyin-main",
      publishAt: "2026-03-03T19:00",
    });
    expect(res.status).toBe(201);
    expect((await res.json()).publishAt).toBe("2026-03-03T11:00:00.000Z");
  });

  it("refuses a copywriter (403) and changes nothing", async () => {
    const { editor, copy } = await people();
    const piece = makePiece(t.studio, { owner: copy.actor, editor: editor.actor });
    const before = snapshot(t.studio);
    const res = await post(copy.cookie, douyin19(piece.id));
    expect(res.status).toBe(403);
    expect(snapshot(t.studio)).toEqual(before);
    const direct = createSlot({
      db: t.studio.db,
      actor: copy.actor,
      now: NOW,
      timeZone: "Asia/Shanghai",
      input: createSlotSchema("Asia/Shanghai").parse(douyin19(piece.id)),
    });
    expect(direct).toMatchObject({ ok: false, status: 403, code: "forbidden" });
    // Reading the calendar is for everyone.
    const list = await copy.get(slotsLoader, `/api/v1/slots?from=2026-03-01&to=2026-04-01`);
    expect(list.status).toBe(200);
  });

  describe("bad input: a clear Chinese message at the field, a 4xx, nothing changed", () => {
    const cases: Array<{
      name: string;
      body: (ids: { approved: number; draft: number; article: number }) => Record<string, unknown>;
      status: number;
      code: string;
      field: string;
      message: RegExp;
    }> = [
      {
        name: "a slot in the past",
        body: (p) => ({ pieceId: p.approved, channel: "douyin-main", publishAt: sh("2026-03-02T09:59:00") }),
        status: 400,
        code: "slot_in_past",
        field: "publishAt",
        message: /发布时间 2026\/03\/02 09:59 已经过去/,
      },
      {
        name: "an unknown channel",
        body: (p) => ({ pieceId: p.approved, channel: "weibo", publishAt: sh("2026-03-03T19:00:00") }),
        status: 400,
        code: "unknown_channel",
        field: "channel",
        message: /所选渠道不存在/,
      },
      {
        name: "a kind the channel does not take",
        body: (p) => ({ pieceId: p.article, channel: "douyin-main", publishAt: sh("2026-03-03T19:00:00") }),
        status: 400,
        code: "kind_not_accepted",
        field: "channel",
        message: /「抖音主号」不接受「文章」类内容/,
      },
      {
        name: "a caption over the channel's limit",
        body: (p) => douyin19(p.approved, { caption: `标题\n${"字".repeat(1000)}` }),
        status: 400,
        code: "caption_too_long",
        field: "caption",
        message: /文案 1003 字，超过「抖音主号」的上限 1000 字/,
      },
      {
        name: "a title over the channel's limit",
        body: (p) => ({
          pieceId: p.approved,
          channel: "wechat-channels",
          publishAt: sh("2026-03-03T19:00:00"),
          caption: "一二三四五六七八九十一二三四五六七\n正文",
        }),
        status: 400,
        code: "title_too_long",
        field: "caption",
        message: /标题（文案第一行）17 字，超过「微信视频号」的上限 16 字/,
      },
      {
        name: "too many hashtags",
        body: (p) => douyin19(p.approved, { caption: "标题 #一 #二 #三 #四 #五 #六" }),
        status: 400,
        code: "too_many_hashtags",
        field: "caption",
        message: /话题标签 6 个，超过「抖音主号」的上限 5 个/,
      },
      {
        name: "a draft piece",
        body: (p) => ({ pieceId: p.draft, channel: "douyin-main", publishAt: sh("2026-03-03T19:00:00") }),
        status: 409,
        code: "piece_not_schedulable",
        field: "pieceId",
        message: /这条内容当前是「草稿」，只有审核通过的内容才能排期/,
      },
      {
        name: "a time that is not a time",
        body: (p) => ({ pieceId: p.approved, channel: "douyin-main", publishAt: "下周三晚上" }),
        status: 400,
        code: "invalid_body",
        field: "publishAt",
        message: /请填写有效的发布时间/,
      },
    ];

    for (const c of cases)
      it(c.name, async () => {
        const { editor, copy } = await people();
        const ids = {
          approved: makePiece(t.studio, { owner: copy.actor, editor: editor.actor }).id,
          draft: makePiece(t.studio, { owner: copy.actor, editor: editor.actor, status: "draft" }).id,
          article: makePiece(t.studio, {
            owner: copy.actor,
            editor: editor.actor,
            kind: "article",
            title: "雨季用车十问",
          }).id,
        };
        const before = snapshot(t.studio);
        const res = await post(editor.cookie, c.body(ids));
        expect(res.status).toBe(c.status);
        const { error } = await res.json();
        expect(error).toMatchObject({ code: c.code, field: c.field });
        expect(error.message).toMatch(c.message);
        expect(snapshot(t.studio)).toEqual(before);

        // The use case refuses the same input the same way (the schema's own refusals aside).
        if (c.code === "invalid_body") return;
        const direct = createSlot({
          db: t.studio.db,
          actor: editor.actor,
          now: NOW,
          timeZone: "Asia/Shanghai",
          input: createSlotSchema("Asia/Shanghai").parse(c.body(ids)),
        });
        expect(direct).toMatchObject({ ok: false, status: c.status, code: c.code, field: c.field });
        expect(snapshot(t.studio)).toEqual(before);
      });
  });
});

describe("rescheduling and editing a slot", () => {
  it("moves a planned slot to another day: same id, new version, the piece's time follows", async () => {
    const { editor, piece, slot } = await planned();
    const res = await patch(editor.cookie, slot.id, { version: 1, publishAt: sh("2026-03-05T19:00:00") });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: slot.id,
      publishAt: "2026-03-05T11:00:00.000Z",
      version: 2,
      status: "planned",
    });
    expect(pieceRow(piece.id).scheduledAt?.toISOString()).toBe("2026-03-05T11:00:00.000Z");
    const audit = auditRows(t.studio, "slot.move");
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].summary)).toMatchObject({
      before: { publishAt: "2026-03-03T11:00:00.000Z", version: 1 },
      after: { publishAt: "2026-03-05T11:00:00.000Z", version: 2 },
    });
  });

  it("refuses a move into the past, a stale version and a slot already with the publisher", async () => {
    const { editor, slot } = await planned();
    let before = snapshot(t.studio);
    const past = await patch(editor.cookie, slot.id, { version: 1, publishAt: sh("2026-03-01T19:00:00") });
    expect(past.status).toBe(400);
    expect((await past.json()).error).toMatchObject({ code: "slot_in_past", field: "publishAt" });
    expect(snapshot(t.studio)).toEqual(before);

    await patch(editor.cookie, slot.id, { version: 1, publishAt: sh("2026-03-04T19:00:00") });
    before = snapshot(t.studio);
    const stale = await patch(editor.cookie, slot.id, { version: 1, publishAt: sh("2026-03-06T19:00:00") });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: "stale", field: "version" });
    expect(snapshot(t.studio)).toEqual(before);

    for (const status of ["queued", "publishing", "published", "unconfirmed"]) {
      t.studio.db.update(schema.slots).set({ status }).where(eq(schema.slots.id, slot.id)).run();
      before = snapshot(t.studio);
      const locked = await patch(editor.cookie, slot.id, {
        version: 2,
        publishAt: sh("2026-03-06T19:00:00"),
      });
      expect(locked.status).toBe(409);
      expect((await locked.json()).error).toMatchObject({ code: "slot_locked" });
      expect(snapshot(t.studio)).toEqual(before);
    }
  });

  it("lets an editor reschedule a failed or missed slot: it is planned again", async () => {
    const { editor, slot } = await planned();
    for (const [status, version] of [
      ["failed", 1],
      ["missed", 2],
    ] as const) {
      t.studio.db
        .update(schema.slots)
        .set({ status, heldReason: "接收方拒绝" })
        .where(eq(schema.slots.id, slot.id))
        .run();
      const res = moveSlot({
        db: t.studio.db,
        actor: editor.actor,
        now: NOW,
        timeZone: "Asia/Shanghai",
        slotId: slot.id,
        version,
        publishAt: new Date(`2026-03-0${4 + version}T11:00:00Z`),
      });
      expect(res).toMatchObject({
        ok: true,
        slot: { id: slot.id, status: "planned", heldReason: null, version: version + 1 },
      });
    }
  });

  it("moves a slot whose piece another channel has already published", async () => {
    const { editor, piece, slot } = await planned();
    t.studio.db
      .update(schema.pieces)
      .set({ status: "published" })
      .where(eq(schema.pieces.id, piece.id))
      .run();
    const res = await patch(editor.cookie, slot.id, { version: 1, publishAt: sh("2026-03-05T19:00:00") });
    expect(res.status).toBe(200);
    expect(pieceRow(piece.id).status).toBe("published");
  });

  it("refuses to move a slot whose piece is no longer approved", async () => {
    const { editor, piece, slot } = await planned();
    t.studio.db.update(schema.pieces).set({ status: "draft" }).where(eq(schema.pieces.id, piece.id)).run();
    const res = await patch(editor.cookie, slot.id, { version: 1, publishAt: sh("2026-03-05T19:00:00") });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({ code: "piece_not_schedulable", field: "pieceId" });
  });

  it("changes a caption within the channel's rules, and refuses one over them", async () => {
    const { editor, slot } = await planned();
    const ok = await patch(editor.cookie, slot.id, { version: 1, caption: "新的标题\n#用车技巧" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      caption: "新的标题\n#用车技巧",
      version: 2,
      publishAt: slot.publishAt,
    });
    const before = snapshot(t.studio);
    const long = await patch(editor.cookie, slot.id, { version: 2, caption: "字".repeat(1001) });
    expect(long.status).toBe(400);
    const { error } = await long.json();
    expect(error).toMatchObject({ code: "caption_too_long", field: "caption" });
    expect(error.message).toBe("文案 1001 字，超过「抖音主号」的上限 1000 字。");
    expect(snapshot(t.studio)).toEqual(before);
    const direct = updateSlot({
      db: t.studio.db,
      actor: editor.actor,
      now: NOW,
      timeZone: "Asia/Shanghai",
      slotId: slot.id,
      input: { version: 2, caption: "#1 #2 #3 #4 #5 #6" },
    });
    expect(direct).toMatchObject({ ok: false, code: "too_many_hashtags", field: "caption" });
  });

  it("refuses a copywriter's move (403) and an empty change (400)", async () => {
    const { editor, copy, slot } = await planned();
    const before = snapshot(t.studio);
    expect(
      (await patch(copy.cookie, slot.id, { version: 1, publishAt: sh("2026-03-05T19:00:00") })).status,
    ).toBe(403);
    const empty = await patch(editor.cookie, slot.id, { version: 1 });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.field).toBe("publishAt");
    expect(snapshot(t.studio)).toEqual(before);
  });
});

describe("taking a slot off the calendar", () => {
  it("deletes a planned slot; the piece's last slot gone, it is approved again", async () => {
    const { editor, copy, piece, slot: a } = await planned();
    const b = await (
      await post(editor.cookie, {
        pieceId: piece.id,
        channel: "kuaishou",
        publishAt: sh("2026-03-03T20:00:00"),
      })
    ).json();
    expect((await del(copy.cookie, a.id)).status).toBe(403);
    expect((await del(editor.cookie, a.id)).status).toBe(204);
    expect(slotRow(a.id)).toBeUndefined();
    expect(pieceRow(piece.id).status).toBe("scheduled");
    expect(pieceRow(piece.id).scheduledAt?.toISOString()).toBe("2026-03-03T12:00:00.000Z");
    expect((await del(editor.cookie, b.id)).status).toBe(204);
    expect(pieceRow(piece.id)).toMatchObject({ status: "approved", scheduledAt: null });
    const actions = t.studio.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .all()
      .map((r) => r.action);
    expect(actions.slice(-3)).toEqual(["slot.delete", "slot.delete", "piece.unschedule"]);
    expect((await del(editor.cookie, b.id)).status).toBe(404);
  });

  it("keeps a slot that has publishing attempts or is with the publisher", async () => {
    const { editor, slot } = await planned();
    t.studio.db.update(schema.slots).set({ status: "published" }).where(eq(schema.slots.id, slot.id)).run();
    const locked = await del(editor.cookie, slot.id);
    expect(locked.status).toBe(409);
    expect((await locked.json()).error.code).toBe("slot_locked");
    t.studio.db.update(schema.slots).set({ status: "failed" }).where(eq(schema.slots.id, slot.id)).run();
    t.studio.db
      .insert(schema.publishAttempts)
      .values({ slotId: slot.id, publisher: "webhook", outcome: "failed", httpStatus: 400, startedAt: NOW })
      .run();
    const before = snapshot(t.studio);
    const result = deleteSlot({ db: t.studio.db, actor: editor.actor, now: NOW, slotId: slot.id });
    expect(result).toMatchObject({ ok: false, status: 409, code: "slot_has_attempts" });
    expect(snapshot(t.studio)).toEqual(before);
  });
});

describe("reading the calendar", () => {
  it("lists slots by range and filters, shows one slot, and answers the gaps of the same computation as the page", async () => {
    const editor = await t.signIn("editor");
    const copy = await t.signIn("copywriter");
    const host = await t.signIn("host");
    const video = makePiece(t.studio, { owner: copy.actor, editor: editor.actor });
    const poster = makePiece(t.studio, {
      owner: copy.actor,
      editor: editor.actor,
      kind: "poster",
      title: "周末试驾团",
    });
    const waiting = makePiece(t.studio, {
      owner: copy.actor,
      editor: editor.actor,
      title: "轮胎鼓包还能开吗",
    });
    await post(editor.cookie, douyin19(video.id));
    await post(editor.cookie, {
      pieceId: poster.id,
      channel: "wechat-moments",
      publishAt: sh("2026-03-03T08:30:00"),
    });

    const list = await host.get(
      slotsLoader,
      "/api/v1/slots?from=2026-03-02&to=2026-03-09&channel=douyin-main",
    );
    const body = await list.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ pieceId: video.id, channelKey: "douyin-main" });
    const one = await host.get(slotLoader, `/api/v1/slots/${body.items[0].id}`, {
      id: String(body.items[0].id),
    });
    expect(await one.json()).toEqual(body.items[0]);

    const badRange = await host.get(slotsLoader, "/api/v1/slots?from=2026-03-09&to=2026-03-02");
    expect(badRange.status).toBe(400);
    expect((await badRange.json()).error).toMatchObject({ code: "invalid_query", field: "to" });

    const gaps = await host.get(gapsLoader, "/api/v1/calendar/gaps?from=2026-03-02&to=2026-03-09");
    const gapBody = await gaps.json();
    const view = getCalendar({
      db: t.studio.db,
      dataKey: t.studio.config.dataKey,
      now: NOW,
      timeZone: "Asia/Shanghai",
      from: new Date("2026-03-01T16:00:00Z"),
      to: new Date("2026-03-08T16:00:00Z"),
    });
    expect(gapBody.items).toEqual(JSON.parse(JSON.stringify(view.gaps)));
    // 抖音主号 has its video on the 3rd only: six gap days, each offering the waiting episode.
    const douyin = gapBody.items.filter((g: { channelKey: string }) => g.channelKey === "douyin-main");
    expect(douyin).toHaveLength(6);
    expect(douyin[1]).toMatchObject({ period: "day", expected: 1, actual: 0, kind: "gap", past: false });
    expect(douyin[1].suggestions.map((s: { id: number }) => s.id)).toEqual([waiting.id]);
    expect(douyin[1].suggestedAt).toBe("2026-03-04T10:00:00.000Z");
    // 易车's monthly rule is judged on March.
    expect(gapBody.items.find((g: { channelKey: string }) => g.channelKey === "yiche")).toMatchObject({
      period: "month",
      expected: 4,
      actual: 0,
    });

    expect(view.unscheduled.map((p) => p.id)).toEqual([waiting.id]);
    expect(view.campaign).toBeNull();
    expect(view.month).toBe("2026-03");
    expect(view.mix.total).toBe(1);
    const filtered = getCalendar({
      db: t.studio.db,
      dataKey: t.studio.config.dataKey,
      now: NOW,
      timeZone: "Asia/Shanghai",
      from: new Date("2026-03-01T16:00:00Z"),
      to: new Date("2026-03-08T16:00:00Z"),
      filters: { channelKeys: ["wechat-moments"] },
    });
    expect(filtered.slots.map((s) => s.pieceId)).toEqual([poster.id]);
    expect(new Set(filtered.gaps.map((g) => g.channelKey))).toEqual(new Set(["wechat-moments"]));
  });

  it("describes every calendar operation in openapi.json", async () => {
    const editor = await t.signIn("editor");
    const doc = await (await editor.get(openapi, "/api/v1/openapi.json")).json();
    expect(Object.keys(doc.paths["/api/v1/slots"])).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/api/v1/slots/{id}"]).sort()).toEqual(["delete", "get", "patch"]);
    expect(doc.paths["/api/v1/calendar/gaps"].get.description).toContain("calendar.read");
    expect(doc.paths["/api/v1/channels/{key}"].put.description).toContain("channels.manage");
    expect(doc.paths["/api/v1/slots"].post.requestBody.content["application/json"].schema.required).toEqual(
      expect.arrayContaining(["pieceId", "channel", "publishAt"]),
    );
  });
});
