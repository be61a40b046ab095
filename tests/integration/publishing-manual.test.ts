import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";
import { updatePiece } from "~/modules/pieces/update-piece.server";
import { listSlotAttempts } from "~/modules/publishing/list-slot-attempts.server";
import { runPublishingTick } from "~/modules/publishing/publishing-ticker.server";
import type { PublishingTodayDto } from "~/modules/publishing/publishing-types";
import { action as homeAction, loader as homeLoader } from "~/routes/_app._index";
import { action as publishedApi } from "~/routes/api.v1.slots.$id.published";
import { action as resendApi } from "~/routes/api.v1.slots.$id.resend";
import { formRequest, getRequest, jsonRequest, respond, signedInUser } from "../setup/test-studio";
import { approvedPiece, insertSlot, makeChannel, slotRow, withPublishingStudio } from "./publishing-helpers";

const publishing = withPublishingStudio();
const { t, clock } = publishing;
const MINUTE = 60_000;

async function home(cookie: string): Promise<PublishingTodayDto> {
  const response = await respond(() =>
    homeLoader({ request: getRequest("/", { Cookie: cookie }), params: {}, context: {} }),
  );
  expect(response.status).toBe(200);
  return (await response.json()).publishing;
}

function homePost(fields: Record<string, string>, cookie: string) {
  return respond(() =>
    homeAction({ request: formRequest("/?index", fields, cookie), params: {}, context: {} }),
  );
}

function apiPublished(slotId: number, body: unknown, cookie: string) {
  return respond(() =>
    publishedApi({
      request: jsonRequest(`/api/v1/slots/${slotId}/published`, "POST", body, { Cookie: cookie }),
      params: { id: String(slotId) },
      context: {},
    }),
  );
}

const outcomes = (slotId: number) => listSlotAttempts({ db: t.studio.db, slotId }).map((a) => a.outcome);

/** Runs a tick and waits until the publish jobs it queued have run. */
async function tickAndSettle() {
  const result = runPublishingTick({ studio: t.studio });
  await expect
    .poll(
      () =>
        t.studio.db
          .select({ id: schema.jobs.id })
          .from(schema.jobs)
          .all()
          .filter((job) => ["queued", "running"].includes(jobStatus(job.id))).length,
    )
    .toBe(0);
  await publishing.worker?.idle();
  return result;
}
const jobStatus = (id: number) =>
  t.studio.db.select().from(schema.jobs).where(eq(schema.jobs.id, id)).get()!.status;

async function people() {
  return {
    editor: await signedInUser(t.studio, ["editor"]),
    owner: await signedInUser(t.studio, ["copywriter"]),
    operator: await signedInUser(t.studio, ["producer"]),
    stranger: await signedInUser(t.studio, ["copywriter"]),
  };
}

it("hands a manual slot to the channel's operator with a ready bundle; the operator marks it published with the live URL", async () => {
  const { editor, owner, operator, stranger } = await people();
  const channel = makeChannel(t.studio, {
    key: "douyin-service",
    name: "抖音售后副号",
    operatorId: operator.actor.id,
  });
  const piece = approvedPiece(t.studio, {
    owner: owner.actor,
    editor: editor.actor,
    kind: "episode",
    title: "雨刮器更换",
  });
  // A finished render of the episode (its files are not read here: the bundle links to them).
  const job = t.studio.db
    .insert(schema.jobs)
    .values({
      type: "render.episode",
      payload: {},
      status: "succeeded",
      runAfter: clock.now(),
      createdAt: clock.now(),
      updatedAt: clock.now(),
    })
    .returning()
    .get();
  const render = t.studio.db
    .insert(schema.episodeRenders)
    .values({
      pieceId: piece.id,
      number: 1,
      jobId: job.id,
      videoPath: "renders/1/video.mp4",
      coverPath: "renders/1/cover.jpg",
      thumbnailPath: "renders/1/thumb.jpg",
      bytes: 1000,
      durationSeconds: 60,
      inputHash: "x",
      createdAt: clock.now(),
    })
    .returning()
    .get();
  const slot = insertSlot(t.studio, {
    pieceId: piece.id,
    channelId: channel.id,
    publishAt: new Date(clock.now().getTime() - MINUTE),
    caption: "雨天视线差？三分钟学会换雨刮 #用车技巧 #雨季",
  });

  publishing.startWorker();
  await tickAndSettle();
  expect(slotRow(t.studio, slot.id)).toMatchObject({ status: "queued", heldReason: null });
  expect(outcomes(slot.id)).toEqual(["handed_off"]);

  const tasks = (await home(operator.cookie)).tasks;
  expect(tasks.map((task) => task.slotId)).toEqual([slot.id]);
  expect(tasks[0].bundle).toEqual({
    media: {
      kind: "video",
      url: `/renders/${render.id}/video`,
      downloadUrl: `/renders/${render.id}/video?download=1`,
      label: "v1.mp4",
    },
    cover: { url: `/renders/${render.id}/cover` },
    caption: "雨天视线差？三分钟学会换雨刮 #用车技巧 #雨季",
    hashtags: ["用车技巧", "雨季"],
    trackedLink: `http://localhost/p/${piece.slug}?src=douyin-service`,
    copyText: `雨天视线差？三分钟学会换雨刮 #用车技巧 #雨季\nhttp://localhost/p/${piece.slug}?src=douyin-service`,
  });
  // It is the operator's task, not everyone's.
  expect((await home(stranger.cookie)).tasks).toEqual([]);

  // Someone who neither operates the channel nor edits may not mark it, on the page or the API.
  expect(
    (
      await homePost(
        { intent: "mark-published", slotId: String(slot.id), url: "https://v.douyin.com/a1" },
        stranger.cookie,
      )
    ).status,
  ).toBe(403);
  expect((await apiPublished(slot.id, { url: "https://v.douyin.com/a1" }, stranger.cookie)).status).toBe(403);
  // A link that is not http(s) is refused at its field, and nothing changes.
  const bad = await homePost(
    { intent: "mark-published", slotId: String(slot.id), url: "ftp://v.douyin.com/a1" },
    operator.cookie,
  );
  expect(bad.status).toBe(400);
  expect((await bad.json()).errors).toEqual({ url: "请填写以 http:// 或 https:// 开头的完整链接。" });
  const badApi = await apiPublished(slot.id, { url: "javascript:alert(1)" }, operator.cookie);
  expect(badApi.status).toBe(400);
  expect((await badApi.json()).error.field).toBe("url");
  expect(slotRow(t.studio, slot.id).status).toBe("queued");

  const marked = await homePost(
    { intent: "mark-published", slotId: String(slot.id), url: "https://v.douyin.com/a1" },
    operator.cookie,
  );
  expect(marked.status).toBe(200);
  expect((await marked.json()).notice).toBe("已标记为已发布。");
  expect(slotRow(t.studio, slot.id)).toMatchObject({
    status: "published",
    liveUrl: "https://v.douyin.com/a1",
  });
  expect(outcomes(slot.id)).toEqual(["handed_off", "published"]);
  expect((await home(operator.cookie)).tasks).toEqual([]);
  // The piece's first published slot published the piece, in the same transaction as its audit.
  expect(t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, piece.id)).get()!.status).toBe(
    "published",
  );
  const audit = t.studio.db
    .select({ action: schema.auditLog.action, actorId: schema.auditLog.actorId })
    .from(schema.auditLog)
    .all()
    .filter((row) => row.action === "slot.mark_published" || row.action === "piece.publish");
  expect(audit).toEqual([
    { action: "slot.mark_published", actorId: operator.actor.id },
    { action: "piece.publish", actorId: operator.actor.id },
  ]);

  // Marking twice is refused; so is sending a published slot again.
  const twice = await apiPublished(slot.id, { url: "https://v.douyin.com/a2" }, editor.cookie);
  expect(twice.status).toBe(409);
  expect((await twice.json()).error.code).toBe("slot_not_markable");
  const resend = await respond(() =>
    resendApi({
      request: jsonRequest(`/api/v1/slots/${slot.id}/resend`, "POST", "", { Cookie: editor.cookie }),
      params: { id: String(slot.id) },
      context: {},
    }),
  );
  expect(resend.status).toBe(409);
  expect(slotRow(t.studio, slot.id).liveUrl).toBe("https://v.douyin.com/a1");
});

it("turns a task not done within its grace period into missed, shown to the editor; a slot due long before a start is missed too", async () => {
  const { editor, owner, operator } = await people();
  const channel = makeChannel(t.studio, {
    key: "wechat-moments",
    name: "朋友圈",
    operatorId: operator.actor.id,
    graceMinutes: 30,
  });
  const piece = approvedPiece(t.studio, { owner: owner.actor, editor: editor.actor });
  const task = insertSlot(t.studio, {
    pieceId: piece.id,
    channelId: channel.id,
    publishAt: new Date(clock.now().getTime() - MINUTE),
  });
  // Due three hours ago, while nothing was running: past the 30-minute grace, so not sent late.
  const stale = insertSlot(t.studio, {
    pieceId: piece.id,
    channelId: channel.id,
    publishAt: new Date(clock.now().getTime() - 180 * MINUTE),
  });

  publishing.startWorker();
  const first = await tickAndSettle();
  expect(first.queued).toEqual([task.id]);
  expect(first.missed).toEqual([stale.id]);
  expect(slotRow(t.studio, stale.id).status).toBe("missed");
  expect(outcomes(stale.id)).toEqual(["missed"]);
  expect((await home(operator.cookie)).tasks.map((x) => x.slotId)).toEqual([task.id]);

  // Twenty minutes on: still within the grace period.
  clock.advance(20 * MINUTE);
  await tickAndSettle();
  expect(slotRow(t.studio, task.id).status).toBe("queued");
  // Forty minutes on: past it.
  clock.advance(20 * MINUTE);
  expect((await tickAndSettle()).missed).toEqual([task.id]);
  expect(slotRow(t.studio, task.id).status).toBe("missed");
  expect(outcomes(task.id)).toEqual(["handed_off", "missed"]);

  const editorsView = await home(editor.cookie);
  expect(editorsView.tasks).toEqual([]);
  expect(editorsView.attention.map((s) => [s.slotId, s.status])).toEqual(
    expect.arrayContaining([
      [task.id, "missed"],
      [stale.id, "missed"],
    ]),
  );
  expect(editorsView.attention.find((s) => s.slotId === task.id)!.lastDetail).toMatch(/宽限期/);
  // The operator sees their channel's missed slot and may still record that they posted it late.
  expect((await home(operator.cookie)).attention.map((s) => s.slotId)).toContain(task.id);
  const late = await apiPublished(task.id, { url: "https://mp.weixin.qq.com/s/late" }, operator.cookie);
  expect(late.status).toBe(200);
  expect(slotRow(t.studio, task.id).status).toBe("published");
});

it("holds a slot whose piece changed after approval, with the reason shown, and sends it once it is approved again", async () => {
  const { editor, owner } = await people();
  const secret = "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";
  const receiver = await publishing.receiver(secret, [{ status: 200 }]);
  const channel = makeChannel(t.studio, {
    key: "xiaohongshu",
    name: "小红书",
    publisher: "webhook",
    webhookUrl: receiver.url,
    webhookSecret: secret,
  });
  const piece = approvedPiece(t.studio, {
    owner: owner.actor,
    editor: editor.actor,
    kind: "article",
    body: "审核通过的正文",
  });
  // An editor changes the approved text afterwards.
  clock.advance(1_000);
  const edited = updatePiece({
    db: t.studio.db,
    actor: editor.actor,
    pieceId: piece.id,
    input: { version: piece.version, title: piece.title, body: "审核之后改过的正文" },
    now: clock.now(),
  });
  expect(edited.ok).toBe(true);
  const slot = insertSlot(t.studio, {
    pieceId: piece.id,
    channelId: channel.id,
    publishAt: new Date(clock.now().getTime() - MINUTE),
  });

  publishing.startWorker();
  await tickAndSettle();
  const held = slotRow(t.studio, slot.id);
  expect(held.status).toBe("queued");
  // The edit took the approval back: the piece is a draft again, which holds the slot.
  expect(held.heldReason).toBe("内容当前是「草稿」，只有审核通过的内容才能发布。");
  expect(outcomes(slot.id)).toEqual(["held"]);
  expect(receiver.requests).toHaveLength(0);
  const attention = (await home(editor.cookie)).attention.find((s) => s.slotId === slot.id)!;
  expect(attention.heldReason).toBe(held.heldReason);
  // Nobody can mark a held slot published past the gate.
  const refused = await apiPublished(
    slot.id,
    { url: "https://www.xiaohongshu.com/explore/1" },
    editor.cookie,
  );
  expect(refused.status).toBe(409);
  expect((await refused.json()).error.code).toBe("slot_held");
  // The status machine asks the same gate.
  const schedule = transitionPiece({
    db: t.studio.db,
    actor: editor.actor,
    pieceId: piece.id,
    action: "schedule",
    scheduledAt: new Date(clock.now().getTime() + 60 * MINUTE),
    now: clock.now(),
  });
  expect(schedule).toMatchObject({ ok: false, status: 409, code: "invalid_transition" });

  // Ticks while it is held send nothing.
  await tickAndSettle();
  expect(receiver.requests).toHaveLength(0);

  // Re-reviewed: archive, restore, submit and approve the changed text.
  for (const [actor, action] of [
    [editor.actor, "archive"],
    [editor.actor, "restore"],
    [owner.actor, "submit"],
    [editor.actor, "approve"],
  ] as const) {
    clock.advance(1_000);
    const moved = transitionPiece({ db: t.studio.db, actor, pieceId: piece.id, action, now: clock.now() });
    expect(moved.ok, action).toBe(true);
  }
  const released = await tickAndSettle();
  expect(released.released).toEqual([slot.id]);
  await expect.poll(() => slotRow(t.studio, slot.id).status).toBe("published");
  expect(receiver.requests).toHaveLength(1);
  expect(outcomes(slot.id)).toEqual(["held", "published"]);
  expect(slotRow(t.studio, slot.id).heldReason).toBeNull();
  const holds = t.studio.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.entity, "slot"), eq(schema.auditLog.action, "slot.hold")))
    .all();
  expect(holds).toHaveLength(1);
});

it("answers wrong roles and wrong states with 403, 404 and 409, changing nothing", async () => {
  const { editor, owner, stranger } = await people();
  const channel = makeChannel(t.studio, {
    key: "kuaishou",
    publisher: "webhook",
    webhookUrl: "http://127.0.0.1:9/x",
    webhookSecret: "s",
  });
  const piece = approvedPiece(t.studio, { owner: owner.actor, editor: editor.actor });
  const planned = insertSlot(t.studio, {
    pieceId: piece.id,
    channelId: channel.id,
    publishAt: new Date(clock.now().getTime() + 60 * MINUTE),
  });
  const resend = (id: number, cookie: string) =>
    respond(() =>
      resendApi({
        request: jsonRequest(`/api/v1/slots/${id}/resend`, "POST", {}, { Cookie: cookie }),
        params: { id: String(id) },
        context: {},
      }),
    );
  expect((await resend(planned.id, stranger.cookie)).status).toBe(403);
  const notYet = await resend(planned.id, editor.cookie);
  expect(notYet.status).toBe(409);
  expect((await notYet.json()).error.code).toBe("slot_not_resendable");
  expect((await resend(999_999, editor.cookie)).status).toBe(404);
  const early = await apiPublished(planned.id, { url: "https://www.kuaishou.com/1" }, editor.cookie);
  expect(early.status).toBe(409);
  expect((await apiPublished(planned.id, {}, editor.cookie)).status).toBe(400);
  expect((await homePost({ intent: "resend", slotId: String(planned.id) }, stranger.cookie)).status).toBe(
    403,
  );
  expect(slotRow(t.studio, planned.id)).toMatchObject({ status: "planned", version: planned.version });
  expect(listSlotAttempts({ db: t.studio.db, slotId: planned.id })).toEqual([]);
});
