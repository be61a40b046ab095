import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { sealSigningSecrets } from "~/lib/seal-signing-secrets.server";
import { openSecret, sealSecret } from "~/lib/sealed-secret.server";
import { WECOM_JOB_TYPE } from "~/modules/notifications/enqueue-wecom.server";
import { notificationJobHandlers } from "~/modules/notifications/wecom-delivery-job.server";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";
import { action as wecomAction, loader as wecomLoader } from "~/routes/_app.admin.wecom";
import { action as preferencesAction } from "~/routes/_app.notifications.preferences";
import { auditRows } from "../setup/audit-entries";
import { runQueuedJobs } from "../setup/run-jobs";
import { formRequest, getRequest, respond, routeArgs, withTestStudio } from "../setup/test-studio";
import { startWecomServer } from "../setup/wecom-server";
import { draftPiece, team } from "./notifications-helpers";

const t = withTestStudio();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function wecom(script?: Parameters<typeof startWecomServer>[0]) {
  const server = await startWecomServer(script);
  closers.push(server.close);
  return server;
}

function saveRobot(cookie: string, fields: Record<string, string | string[]>) {
  return respond(() =>
    wecomAction(routeArgs(formRequest("/admin/wecom", { intent: "save", enabled: "on", ...fields }, cookie))),
  );
}

const wecomJobs = () =>
  t.studio.db.select().from(schema.jobs).where(eq(schema.jobs.type, WECOM_JOB_TYPE)).all();

function submit(actor: Parameters<typeof transitionPiece>[0]["actor"], pieceId: number) {
  return transitionPiece({ db: t.studio.db, actor, pieceId, action: "submit", now: t.studio.now() });
}

it("posts a correctly formed markdown message to the team's robot on loopback, for the members who want WeCom", async () => {
  const { owner, editor, editor2, admin } = await team(t.studio);
  const server = await wecom();
  const reviewers = await saveRobot(admin.cookie, { name: "编辑部群", url: server.url, roles: ["editor"] });
  expect(await reviewers.json()).toMatchObject({ ok: true, notice: "机器人已保存" });
  // A host's group: nobody it serves is told of a submission, so it gets nothing.
  await saveRobot(admin.cookie, { name: "主播群", url: server.url, roles: ["host"] });
  // The second editor wants submissions in the app only.
  const off = await respond(() =>
    preferencesAction(
      routeArgs(
        formRequest("/notifications/preferences", { "review_requested.inApp": "on" }, editor2.cookie),
      ),
    ),
  );
  expect(off.status).toBe(200);

  const pieceId = draftPiece(t.studio, owner.actor);
  expect(submit(owner.actor, pieceId)).toMatchObject({ ok: true, status: "in_review" });
  const queued = wecomJobs();
  expect(queued).toHaveLength(1);
  expect(queued[0]!.payload).toMatchObject({ names: ["张编辑"] });

  await runQueuedJobs(t.studio, { handlers: notificationJobHandlers, timeout: 20_000 });
  expect(server.requests).toHaveLength(1);
  const [request] = server.requests;
  expect(request!.path).toBe("/cgi-bin/webhook/send?key=test-robot-key-1234");
  expect(request!.contentType).toMatch(/^application\/json/);
  expect(Object.keys(request!.json as object)).toEqual(["msgtype", "markdown"]);
  const message = request!.json as { msgtype: string; markdown: { content: string } };
  expect(message.msgtype).toBe("markdown");
  expect(message.markdown.content.split("\n")).toEqual([
    "**提交审核**",
    "> 王芳 提交了「雨季用车提醒」，等待审核。",
    "> 通知：@张编辑",
    `[在工作室中打开](${message.markdown.content.match(/\((http:\/\/[^/]+)\//)?.[1]}/pieces/${pieceId})`,
  ]);
  expect(wecomJobs()[0]).toMatchObject({ status: "succeeded", attempts: 1 });
  // In the app, every reviewer was told, whatever they chose for WeCom.
  expect(
    t.studio.db
      .select()
      .from(schema.notifications)
      .all()
      .map((n) => n.userId)
      .sort(),
  ).toEqual([editor.actor.id, editor2.actor.id, admin.actor.id].sort());
});

it("retries a failing robot with backoff and never holds up the change; a robot that refuses the message fails without retrying", async () => {
  const { owner, admin } = await team(t.studio);
  const flaky = await wecom([{ status: 500 }, { status: 200, errcode: 45009 }, { status: 200 }]);
  await saveRobot(admin.cookie, { name: "编辑部群", url: flaky.url, roles: ["admin"] });

  const pieceId = draftPiece(t.studio, owner.actor);
  // The transition commits with the delivery queued, before anything is sent.
  expect(submit(owner.actor, pieceId)).toMatchObject({ ok: true, status: "in_review" });
  expect(flaky.requests).toHaveLength(0);
  expect(t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get()!.status).toBe(
    "in_review",
  );
  await runQueuedJobs(t.studio, { handlers: notificationJobHandlers, backoffBaseMs: 10, timeout: 20_000 });
  expect(flaky.requests).toHaveLength(3);
  expect(wecomJobs()[0]).toMatchObject({ status: "succeeded", attempts: 3 });
  const tries = t.studio.db
    .select()
    .from(schema.auditLog)
    .all()
    .filter((a) => a.action === "notification.wecom_delivery")
    .map((a) => JSON.parse(a.summary).after.outcome);
  expect(tries).toEqual(["retry", "retry", "delivered"]);

  // WeCom's answer for a robot key that no longer exists: no retry.
  const gone = await wecom([{ status: 200, errcode: 93000 }]);
  const robot = t.studio.db.select().from(schema.wecomRobots).get()!;
  await saveRobot(admin.cookie, {
    id: String(robot.id),
    version: String(robot.version),
    name: "编辑部群",
    url: gone.url,
    roles: ["admin"],
  });
  expect(submit(owner.actor, draftPiece(t.studio, owner.actor))).toMatchObject({ ok: true });
  await runQueuedJobs(t.studio, { handlers: notificationJobHandlers, backoffBaseMs: 10, timeout: 20_000 });
  expect(gone.requests).toHaveLength(1);
  expect(wecomJobs()[1]).toMatchObject({ status: "failed", attempts: 1 });
  expect(wecomJobs()[1]!.error).toContain("93000");
});

it("takes only https addresses of public hosts (loopback only where allowed), from admins only; a refusal saves nothing", async () => {
  const { admin, editor } = await team(t.studio);
  const refused = [
    ["", "请填写企业微信机器人的 Webhook 地址。"],
    [
      "qyapi.weixin.qq.com/cgi-bin/webhook/send",
      "企业微信机器人地址必须是 https 网址，且不能指向内网或本机地址。",
    ],
    [
      "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1",
      "企业微信机器人地址必须是 https 网址，且不能指向内网或本机地址。",
    ],
    [
      "https://10.0.0.8/cgi-bin/webhook/send?key=1",
      "企业微信机器人地址必须是 https 网址，且不能指向内网或本机地址。",
    ],
    ["https://169.254.169.254/latest", "企业微信机器人地址必须是 https 网址，且不能指向内网或本机地址。"],
    ["ftp://qyapi.weixin.qq.com/x", "企业微信机器人地址必须是 https 网址，且不能指向内网或本机地址。"],
  ];
  for (const [url, message] of refused) {
    const answer = await saveRobot(admin.cookie, { name: "编辑部群", url: url!, roles: ["editor"] });
    expect(answer.status, url).toBe(400);
    expect((await answer.json()).errors.url, url).toBe(message);
  }
  const noTeam = await saveRobot(`${admin.cookie}; lang=en`, {
    name: "编辑部群",
    url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcdef",
  });
  expect((await noTeam.json()).errors.roles).toBe("Choose the team this group is for (at least one role).");
  const noName = await saveRobot(admin.cookie, {
    name: " ",
    url: "https://qyapi.weixin.qq.com/x?key=1",
    roles: ["editor"],
  });
  expect((await noName.json()).errors.name).toBe("请填写群名称");
  const notAdmin = await saveRobot(editor.cookie, {
    name: "编辑部群",
    url: "https://qyapi.weixin.qq.com/x?key=1",
    roles: ["editor"],
  });
  expect(notAdmin.status).toBe(403);
  expect(t.studio.db.select().from(schema.wecomRobots).all()).toEqual([]);

  const ok = await saveRobot(admin.cookie, {
    name: "编辑部群",
    url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcdef123456",
    roles: ["editor"],
  });
  expect(ok.status).toBe(200);
  // The key is a secret: the page shows it masked.
  const page = await (
    await respond(() => wecomLoader(routeArgs(getRequest("/admin/wecom", { Cookie: admin.cookie }))))
  ).json();
  expect(page.robots[0].urlHint).toBe("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****3456");
  expect(JSON.stringify(page)).not.toContain("abcdef123456");
});

describe("the robot's URL at rest", () => {
  const KEY = "test-robot-key-1234";
  /** What the robot's row holds in its URL column, as the file has it. */
  const storedUrl = (robotId: number) =>
    t.studio.db.select().from(schema.wecomRobots).where(eq(schema.wecomRobots.id, robotId)).get()!.url;
  const robotNamed = (name: string) =>
    t.studio.db.select().from(schema.wecomRobots).where(eq(schema.wecomRobots.name, name)).get()!;
  const page = async (cookie: string) =>
    (await (
      await respond(() => wecomLoader(routeArgs(getRequest("/admin/wecom", { Cookie: cookie }))))
    ).json()) as { robots: Array<{ id: number; name: string; urlHint: string | null; version: number }> };
  /** Every audit entry about robots and their deliveries, as stored. */
  const robotAudit = () =>
    t.studio.db
      .select()
      .from(schema.auditLog)
      .all()
      .filter((a) => a.action.startsWith("wecom_robot.") || a.action === "notification.wecom_delivery");

  it("stores the URL sealed without its key, keeps it on a save that leaves it empty, and posts to the right URL; pages and the audit log show it masked", async () => {
    const { owner, admin } = await team(t.studio);
    const server = await wecom();
    const created = await saveRobot(admin.cookie, { name: "编辑部群", url: server.url, roles: ["admin"] });
    const createdBody = JSON.stringify(await created.json());
    const robot = robotNamed("编辑部群");
    const sealed = storedUrl(robot.id);
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain(KEY);
    expect(sealed).not.toContain("127.0.0.1");
    expect(openSecret(t.studio.config.dataKey, sealed)).toEqual({ ok: true, secret: server.url });

    // Renaming without touching the address keeps the stored value as it is.
    const renamed = await saveRobot(admin.cookie, {
      id: String(robot.id),
      version: String(robot.version),
      name: "编辑部大群",
      url: "",
      roles: ["admin"],
    });
    expect(renamed.status).toBe(200);
    expect(storedUrl(robot.id)).toBe(sealed);

    const shown = await page(admin.cookie);
    expect(shown.robots[0]!.urlHint).toBe(server.url.replace(KEY, "****1234"));

    expect(submit(owner.actor, draftPiece(t.studio, owner.actor))).toMatchObject({ ok: true });
    await runQueuedJobs(t.studio, { handlers: notificationJobHandlers, timeout: 20_000 });
    expect(server.requests.map((r) => r.path)).toEqual([`/cgi-bin/webhook/send?key=${KEY}`]);

    const audit = robotAudit();
    expect(audit.map((a) => a.action)).toEqual([
      "wecom_robot.create",
      "wecom_robot.update",
      "notification.wecom_delivery",
    ]);
    expect(audit[0]!.summary).toContain("****1234");
    for (const shownText of [createdBody, JSON.stringify(shown), ...audit.map((a) => a.summary)]) {
      expect(shownText).not.toContain(KEY);
      expect(shownText).not.toContain(sealed);
      expect(shownText).not.toContain(sealed.slice("v1.".length, 20));
    }
  });

  it("seals a URL stored in clear by an older studio, once and audited with the masked address, and still posts to it", async () => {
    const { owner, admin } = await team(t.studio);
    const server = await wecom();
    await saveRobot(admin.cookie, { name: "编辑部群", url: server.url, roles: ["admin"] });
    const robot = robotNamed("编辑部群");
    // The database as a studio before sealing left it: the address in clear.
    t.studio.db
      .update(schema.wecomRobots)
      .set({ url: server.url })
      .where(eq(schema.wecomRobots.id, robot.id))
      .run();

    const seal = () =>
      sealSigningSecrets({ db: t.studio.db, dataKey: t.studio.config.dataKey, now: t.studio.now() });
    expect(seal()).toEqual({ crm: 0, channels: 0, robots: 1 });
    const sealed = storedUrl(robot.id);
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain(KEY);
    // A second start finds nothing to do; nothing an admin sees changed.
    expect(seal().robots).toBe(0);
    expect(storedUrl(robot.id)).toBe(sealed);
    expect(robotNamed("编辑部群").version).toBe(robot.version);
    const log = auditRows(t.studio, "wecom_robot.seal_url");
    expect(log.map((l) => [l.entity, l.entityId])).toEqual([["wecom_robot", String(robot.id)]]);
    expect(JSON.parse(log[0]!.summary)).toEqual({
      before: { urlHint: server.url.replace(KEY, "****1234"), sealed: false },
      after: { urlHint: server.url.replace(KEY, "****1234"), sealed: true },
    });
    expect(log[0]!.summary).not.toContain(KEY);
    expect(log[0]!.summary).not.toContain(sealed);

    expect(submit(owner.actor, draftPiece(t.studio, owner.actor))).toMatchObject({ ok: true });
    await runQueuedJobs(t.studio, { handlers: notificationJobHandlers, timeout: 20_000 });
    expect(server.requests.map((r) => r.path)).toEqual([`/cgi-bin/webhook/send?key=${KEY}`]);
    expect(wecomJobs()[0]).toMatchObject({ status: "succeeded", attempts: 1 });
  });

  it("fails at once only the delivery of a robot whose URL does not open, with the reason, and entering the URL again mends it", async () => {
    const { owner, admin } = await team(t.studio);
    const broken = await wecom();
    const fine = await wecom();
    await saveRobot(admin.cookie, { name: "管理群", url: broken.url, roles: ["admin"] });
    await saveRobot(admin.cookie, { name: "编辑部群", url: fine.url, roles: ["editor"] });
    const robot = robotNamed("管理群");
    // Sealed under another DATA_KEY, as in a file moved to a studio with a different key.
    const foreign = sealSecret(crypto.randomBytes(32), broken.url);
    t.studio.db
      .update(schema.wecomRobots)
      .set({ url: foreign })
      .where(eq(schema.wecomRobots.id, robot.id))
      .run();

    expect(submit(owner.actor, draftPiece(t.studio, owner.actor))).toMatchObject({ ok: true });
    expect(wecomJobs()).toHaveLength(2);
    await runQueuedJobs(t.studio, { handlers: notificationJobHandlers, backoffBaseMs: 10, timeout: 20_000 });
    // Nothing went to the broken robot, and its job failed at once; the other group was told.
    expect(broken.requests).toEqual([]);
    expect(fine.requests).toHaveLength(1);
    const jobs = wecomJobs();
    const failed = jobs.find((j) => (j.payload as { robotId: number }).robotId === robot.id)!;
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.error).toMatch(/机器人地址无法解密/);
    expect(jobs.find((j) => j.id !== failed.id)).toMatchObject({ status: "succeeded", attempts: 1 });
    const tries = auditRows(t.studio, "notification.wecom_delivery").map((a) => [
      a.entityId,
      JSON.parse(a.summary).after,
    ]);
    expect(tries).toContainEqual([
      String(robot.id),
      { jobId: failed.id, attempt: 1, outcome: "failed", httpStatus: null, reason: "url_unreadable" },
    ]);

    // The page has no address to show; a save must bring one, and one that does mends the robot.
    const shown = await page(admin.cookie);
    const entry = shown.robots.find((r) => r.id === robot.id)!;
    expect(entry.urlHint).toBeNull();
    expect(JSON.stringify(shown)).not.toContain(foreign);
    expect(JSON.stringify(shown)).not.toContain(KEY);
    const fields = { id: String(robot.id), version: String(entry.version), name: "管理群", roles: ["admin"] };
    const keeping = await saveRobot(admin.cookie, { ...fields, url: "" });
    expect(keeping.status).toBe(400);
    expect((await keeping.json()).errors.url).toBe("请填写企业微信机器人的 Webhook 地址。");
    expect(storedUrl(robot.id)).toBe(foreign);
    expect((await saveRobot(admin.cookie, { ...fields, url: broken.url })).status).toBe(200);
    expect(openSecret(t.studio.config.dataKey, storedUrl(robot.id))).toEqual({
      ok: true,
      secret: broken.url,
    });
    const update = auditRows(t.studio, "wecom_robot.update").at(-1)!;
    expect(JSON.parse(update.summary)).toMatchObject({
      before: { urlHint: null },
      after: { urlHint: broken.url.replace(KEY, "****1234") },
    });

    expect(submit(owner.actor, draftPiece(t.studio, owner.actor))).toMatchObject({ ok: true });
    await runQueuedJobs(t.studio, { handlers: notificationJobHandlers, timeout: 20_000 });
    expect(broken.requests.map((r) => r.path)).toEqual([`/cgi-bin/webhook/send?key=${KEY}`]);
  });
});
