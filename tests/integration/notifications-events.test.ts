import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { addComment } from "~/modules/comments/add-comment.server";
import { ebookJobHandlers } from "~/modules/ebooks/job-handlers.server";
import { recordSignoff } from "~/modules/ebooks/record-signoff.server";
import { requestBuild } from "~/modules/ebooks/request-build.server";
import { updateChapter } from "~/modules/ebooks/update-chapter.server";
import { enqueueJob } from "~/modules/jobs/queue.server";
import { mediaJobHandlers } from "~/modules/media/job-handlers.server";
import { createPiece } from "~/modules/pieces/create-piece.server";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";
import { publishingJobHandlers } from "~/modules/publishing/publish-slot-job.server";
import { runPublishingTick } from "~/modules/publishing/publishing-ticker.server";
import { action as preferencesAction } from "~/routes/_app.notifications.preferences";
import { loader as openapi } from "~/routes/api.v1.openapi[.]json";
import { action as pageAction, loader as pageLoader } from "~/routes/_app.notifications._index";
import { runQueuedJobs } from "../setup/run-jobs";
import { apiMarkRead, apiNotifications, ids, withNotificationStudio } from "./notifications-helpers";
import { approvedPiece, insertSlot, makeChannel } from "./publishing-helpers";

const { t, bookWithChapter, draftPiece, notificationRows, recipientsOf, team } = withNotificationStudio();

function move(actor: { id: number } & object, pieceId: number, action: string, note?: string) {
  const moved = transitionPiece({
    db: t.studio.db,
    actor: actor as never,
    pieceId,
    action,
    note,
    now: t.studio.now(),
  });
  expect(moved, action).toMatchObject({ ok: true });
}

describe("workflow notifications", () => {
  it("tells the reviewers of a submission, and the owner of the verdict with the reason and cited comments, no one else", async () => {
    const people = await team();
    const { owner, editor, editor2, admin } = people;
    const pieceId = draftPiece(owner.actor);

    move(owner.actor, pieceId, "submit");
    // Everyone who can review, and not the writer who submitted, another writer, the host or the producer.
    expect(recipientsOf("review_requested")).toEqual(ids(editor, editor2, admin));

    const comment = addComment({
      db: t.studio.db,
      actor: editor.actor,
      pieceId,
      input: { anchor: { kind: "body_line", index: 1 }, body: "这一行缺少活动时间" },
      now: t.studio.now(),
    });
    if (!comment.ok) throw new Error(comment.message);
    move(editor.actor, pieceId, "reject", `第二行要写清活动时间，见 #${comment.commentId} 和 #999999`);
    expect(recipientsOf("rejected")).toEqual(ids(owner));

    // The owner reads the reason and the comment it cites (an unknown number is not cited) in either language.
    const zh = await apiNotifications(owner.cookie);
    expect(zh.unread).toBe(1);
    expect(zh.notifications[0]).toMatchObject({
      type: "rejected",
      read: false,
      link: `/pieces/${pieceId}#comments`,
    });
    expect(zh.notifications[0].text).toBe(
      `张编辑 退回了「雨季用车提醒」，原因：第二行要写清活动时间，见 #${comment.commentId} 和 #999999（相关评论：#${comment.commentId}）`,
    );
    const en = await apiNotifications(`${owner.cookie}; lang=en`);
    expect(en.notifications[0].text).toContain(
      "张编辑 rejected “雨季用车提醒”. Reason: 第二行要写清活动时间",
    );

    move(owner.actor, pieceId, "redraft");
    move(owner.actor, pieceId, "submit");
    move(editor2.actor, pieceId, "approve");
    expect(recipientsOf("approved")).toEqual(ids(owner));
    // The second submission went to the reviewers again; the approver is not told of their own approval.
    expect(recipientsOf("review_requested")).toEqual(ids(editor, editor, editor2, editor2, admin, admin));

    const list = await apiNotifications(owner.cookie);
    expect(list.notifications.map((n: { type: string }) => n.type)).toEqual(["approved", "rejected"]);
    expect(list.unread).toBe(2);
  });

  it("respects each person's choice per event: no row for an event switched off in the app, others unchanged", async () => {
    const { owner, editor } = await team();
    const form = {
      "review_requested.inApp": "on",
      "approved.wecom": "on",
      "rejected.inApp": "on",
      "rejected.wecom": "on",
    };
    const saved = await owner.form(preferencesAction, "/notifications/preferences", form);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ ok: true, notice: "通知设置已保存" });

    const pieceId = draftPiece(owner.actor);
    move(owner.actor, pieceId, "submit");
    move(editor.actor, pieceId, "approve");
    // Approved is off in the app for the owner: nothing written; the reviewers' submission notices are.
    expect(recipientsOf("approved")).toEqual([]);
    expect(recipientsOf("review_requested")).toContain(editor.actor.id);

    const other = draftPiece(owner.actor);
    move(owner.actor, other, "submit");
    move(editor.actor, other, "reject", "标题太长");
    expect(recipientsOf("rejected")).toEqual([owner.actor.id]);
    const audit = t.studio.db
      .select()
      .from(schema.auditLog)
      .all()
      .filter((a) => a.action === "notification.preferences");
    expect(audit).toHaveLength(1);
  });
});

describe("job, sign-off and publishing notifications", () => {
  it("tells whoever asked that an e-book build finished, and a render failed; a sign-off voided reaches the signer and the owner", async () => {
    const { owner, editor, editor2, otherWriter } = await team();
    const { pieceId, sectionId, chapterId } = bookWithChapter(owner.actor, {
      kind: "ebook",
      title: "雨季用车手册",
      chapter: "第一章",
      markdown: "出行前检查雨刮。",
    });
    const queued = requestBuild({
      db: t.studio.db,
      actor: owner.actor,
      pieceId,
      profile: "screen",
      publicBaseUrl: "https://studio.example",
      now: t.studio.now(),
    });
    if (!queued.ok) throw new Error(queued.message);
    await runQueuedJobs(t.studio, { handlers: ebookJobHandlers, timeout: 60_000 });
    expect(recipientsOf("job_finished")).toEqual(ids(owner));
    const finished = notificationRows().find((n) => n.type === "job_finished")!;
    expect(finished).toMatchObject({ link: `/ebooks/${pieceId}`, params: { job: "build" } });

    const build = t.studio.db
      .select()
      .from(schema.ebookBuilds)
      .where(eq(schema.ebookBuilds.pieceId, pieceId))
      .get()!;
    const signed = recordSignoff({
      db: t.studio.db,
      actor: editor2.actor,
      pieceId,
      input: {
        buildId: build.id,
        organisation: "交警支队",
        reviewer: "刘警官",
        reviewedOn: "2026-12-01",
        note: "",
      },
      now: t.studio.now(),
    });
    expect(signed).toMatchObject({ ok: true });
    const changed = updateChapter({
      db: t.studio.db,
      actor: editor.actor,
      pieceId,
      chapterId,
      input: { version: 1, sectionId, title: "第一章", markdown: "出行前检查雨刮和轮胎。" },
      now: t.studio.now(),
    });
    expect(changed).toMatchObject({ ok: true, voided: 1 });
    // The editor who changed the text is not told of it; the writer who owns it and the signer are.
    expect(recipientsOf("signoff_voided")).toEqual(ids(owner, editor2));
    expect(recipientsOf("signoff_voided")).not.toContain(otherWriter.actor.id);

    // A render that cannot succeed (an episode without footage) fails at once: its requester hears.
    const episode = createPiece({
      db: t.studio.db,
      actor: owner.actor,
      input: { kind: "episode", title: "雨刮更换", body: "" },
      now: t.studio.now(),
    });
    if (!episode.ok) throw new Error(episode.message);
    t.studio.db.transaction((tx) =>
      enqueueJob(tx, {
        type: "video.render",
        payload: { pieceId: episode.pieceId },
        actor: editor.actor,
        now: t.studio.now(),
      }),
    );
    await runQueuedJobs(t.studio, { handlers: mediaJobHandlers, timeout: 60_000 });
    expect(recipientsOf("job_failed")).toEqual(ids(editor));
    const failed = notificationRows().find((n) => n.type === "job_failed")!;
    expect(failed).toMatchObject({ pieceId: episode.pieceId, params: { job: "render" } });
    expect(String(failed.params.error)).not.toBe("");
  });

  it("hands a due manual slot to its operator and tells only them", async () => {
    const { owner, editor, producer, host } = await team();
    const channel = makeChannel(t.studio, { key: "xhs", name: "小红书", operatorId: producer.actor.id });
    const piece = approvedPiece(t.studio, { owner: owner.actor, editor: editor.actor, kind: "article" });
    insertSlot(t.studio, {
      pieceId: piece.id,
      channelId: channel.id,
      publishAt: new Date(t.studio.now().getTime() - 1000),
    });
    runPublishingTick({ studio: t.studio });
    await runQueuedJobs(t.studio, { handlers: publishingJobHandlers, timeout: 30_000 });
    expect(recipientsOf("task_due")).toEqual(ids(producer));
    expect(recipientsOf("task_due")).not.toContain(host.actor.id);
    const text = (await apiNotifications(producer.cookie)).notifications[0].text;
    expect(text).toMatch(/^「五一自驾节海报」该在「小红书」手动发布了（\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}）。$/);
  });
});

describe("reading notifications", () => {
  it("marks one or all of the caller's own read; someone else's ids or a bad body are refused and change nothing", async () => {
    const { owner, editor, editor2 } = await team();
    for (let i = 0; i < 3; i++) move(owner.actor, draftPiece(owner.actor), "submit");
    const mine = (await apiNotifications(editor.cookie)).notifications.map((n: { id: number }) => n.id);
    const theirs = (await apiNotifications(editor2.cookie)).notifications.map((n: { id: number }) => n.id);
    expect(mine).toHaveLength(3);
    // Newest first.
    expect(mine).toEqual([...mine].sort((a: number, b: number) => b - a));

    const stolen = await apiMarkRead(editor.cookie, { ids: [mine[0], theirs[0]] });
    expect(stolen.status).toBe(404);
    expect((await stolen.json()).error).toMatchObject({
      code: "not_found",
      message: "通知不存在，或不是你的通知。",
    });
    const english = await apiMarkRead(`${editor.cookie}; lang=en`, { ids: [theirs[1]] });
    expect((await english.json()).error.message).toBe("Notification not found, or not yours.");
    for (const body of [{}, { ids: [] }, { ids: ["x"] }, { all: false }, { ids: [1], all: true }]) {
      const bad = await apiMarkRead(editor.cookie, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect((await bad.json()).error.code).toBe("invalid_body");
    }
    expect(notificationRows().every((n) => n.readAt === null)).toBe(true);

    const one = await apiMarkRead(editor.cookie, { ids: [mine[1]] });
    expect(await one.json()).toEqual({ marked: 1, unread: 2 });
    // The page's "mark all read" button: the editor's are all read now, the other editor's are not.
    const all = await editor.form(pageAction, "/notifications", { intent: "readAll" });
    expect(all.status).toBe(200);
    expect((await apiNotifications(editor.cookie)).unread).toBe(0);
    expect((await apiNotifications(editor2.cookie)).unread).toBe(3);
    const page = await editor2.get(pageLoader, "/notifications");
    expect((await page.json()).notifications).toHaveLength(3);

    // The API describes these operations in openapi.json, with the bodies the routes parse.
    const doc = await (await editor.get(openapi, "/api/v1/openapi.json")).json();
    expect(doc.paths["/api/v1/notifications"].get).toBeDefined();
    expect(doc.paths["/api/v1/notifications/read"].post.requestBody).toBeDefined();
    expect(doc.paths["/api/v1/pieces/{id}/comments"].get).toBeDefined();
    const comment =
      doc.paths["/api/v1/pieces/{id}/comments"].post.requestBody.content["application/json"].schema;
    expect(comment.properties.body.maxLength).toBe(2000);
    expect(doc.paths["/api/v1/comments/{id}/resolve"].post).toBeDefined();
  });
});
