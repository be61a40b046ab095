import { describe, expect, it } from "vitest";
import { openSecret } from "~/lib/sealed-secret.server";
import { getChannel } from "~/modules/calendar/get-channel.server";
import { updateChannelSchema, type UpdateChannelInput } from "~/modules/calendar/schemas";
import { updateChannel } from "~/modules/calendar/update-channel.server";
import { action as channelAction, loader as channelLoader } from "~/routes/api.v1.channels.$key";
import { loader as channelsLoader } from "~/routes/api.v1.channels";
import { callRoute, jsonRequest } from "../setup/test-studio";
import { auditRows } from "../setup/audit-entries";
import { channelByKey, NOW, snapshot, withCalendarStudio } from "./calendar-helpers";

const t = withCalendarStudio();

/** The channel's current settings as a PUT body, with changes. */
function body(key: string, patch: Record<string, unknown> = {}) {
  const c = getChannel({ db: t.studio.db, dataKey: t.studio.config.dataKey, key })!;
  return {
    name: c.name,
    color: c.color,
    kinds: c.kinds,
    titleMax: c.titleMax,
    captionMax: c.captionMax,
    hashtagMax: c.hashtagMax,
    publisher: c.publisher,
    webhookUrl: c.webhookUrl,
    operatorId: c.operatorId,
    graceMinutes: c.graceMinutes,
    cadenceNote: c.cadenceNote,
    rules: c.rules.map(({ id: _id, ...rule }) => rule),
    ...patch,
  };
}

async function put(cookie: string, key: string, payload: unknown) {
  return callRoute(
    channelAction,
    jsonRequest(`/api/v1/channels/${key}`, "PUT", payload, { Cookie: cookie }),
    { key },
  );
}

describe("channels", () => {
  it("lists the ten channels with their kinds, caption rules, publisher and the plan's cadence rules", async () => {
    const host = await t.signIn("host");
    const res = await host.get(channelsLoader, "/api/v1/channels");
    const { items, total } = await res.json();
    expect(total).toBe(10);
    expect(items.map((c: { key: string }) => c.key)).toEqual([
      "douyin-main",
      "douyin-service",
      "kuaishou",
      "wechat-channels",
      "wechat-official",
      "wechat-moments",
      "xiaohongshu",
      "autohome",
      "yiche",
      "miniprogram",
    ]);
    const rules = (key: string) =>
      items
        .find((c: { key: string }) => c.key === key)
        .rules.map((r: { count: number; period: string; kinds: string[] }) => [r.count, r.period, r.kinds]);
    expect(rules("douyin-main")).toEqual([[1, "day", ["episode"]]]);
    expect(rules("douyin-service")).toEqual([[3, "week", ["episode"]]]);
    expect(rules("wechat-moments")).toEqual([[2, "day", ["poster"]]]);
    expect(rules("wechat-official")).toEqual([[1, "day", ["article"]]]);
    expect(rules("autohome")).toEqual([
      [2, "day", ["episode"]],
      [10, "day", ["poster"]],
    ]);
    expect(rules("yiche")).toEqual([[4, "month", ["article"]]]);
    expect(items[0]).toMatchObject({
      name: "抖音主号",
      titleMax: 55,
      captionMax: 1000,
      hashtagMax: 5,
      publisher: "manual",
    });
    // A webhook's secret never leaves the server: only its last four characters.
    const mini = items.find((c: { key: string }) => c.key === "miniprogram");
    expect(mini.webhookSecretHint).toMatch(/^…[0-9a-f]{4}$/);
    expect(JSON.stringify(items)).not.toContain(channelByKey(t.studio, "miniprogram").webhookSecret!);
    const one = await host.get(channelLoader, "/api/v1/channels/yiche", { key: "yiche" });
    expect(await one.json()).toEqual(items[8]);
    const unknown = await host.get(channelLoader, "/api/v1/channels/weibo", { key: "weibo" });
    expect(unknown.status).toBe(404);
  });

  it("saves an editor's settings and rules; a new webhook gets a secret shown once, and the log never holds it", async () => {
    const weeklyVideos = {
      count: 2,
      period: "week",
      kinds: ["episode"],
      label: "视频",
      windowStart: "18:00",
      windowEnd: "21:00",
    };
    const editor = await t.signIn("editor");
    const res = await put(
      editor.cookie,
      "kuaishou",
      body("kuaishou", {
        publisher: "webhook",
        webhookUrl: "https://hooks.example.cn/kuaishou",
        operatorId: editor.actor.id,
        graceMinutes: 90,
        color: "#123abc",
        rules: [weeklyVideos],
      }),
    );
    expect(res.status).toBe(200);
    const saved = await res.json();
    expect(saved.webhookSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(saved).toMatchObject({
      key: "kuaishou",
      publisher: "webhook",
      webhookUrl: "https://hooks.example.cn/kuaishou",
      webhookSecretHint: `…${saved.webhookSecret.slice(-4)}`,
      operatorId: editor.actor.id,
      operatorName: editor.actor.name,
      graceMinutes: 90,
      color: "#123abc",
      rules: [weeklyVideos],
    });
    // At rest the secret is sealed under the data key: the column holds neither it nor its hex.
    const sealed = channelByKey(t.studio, "kuaishou").webhookSecret!;
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain(saved.webhookSecret);
    expect(openSecret(t.studio.config.dataKey, sealed)).toEqual({ ok: true, secret: saved.webhookSecret });
    // Saving again with the same address keeps the secret and does not answer it.
    const again = await (await put(editor.cookie, "kuaishou", body("kuaishou"))).json();
    expect(again.webhookSecret).toBeUndefined();
    expect(again.webhookSecretHint).toBe(`…${saved.webhookSecret.slice(-4)}`);
    expect(channelByKey(t.studio, "kuaishou").webhookSecret).toBe(sealed);
    // Rotating makes a new one, answered once and sealed in turn.
    const rotated = await (
      await put(editor.cookie, "kuaishou", body("kuaishou", { rotateSecret: true }))
    ).json();
    expect(rotated.webhookSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.webhookSecret).not.toBe(saved.webhookSecret);
    expect(openSecret(t.studio.config.dataKey, channelByKey(t.studio, "kuaishou").webhookSecret!)).toEqual({
      ok: true,
      secret: rotated.webhookSecret,
    });
    const log = auditRows(t.studio, "channel.update");
    expect(log).toHaveLength(3);
    const summaries = log.map((l) => l.summary).join("");
    expect(summaries).not.toContain(saved.webhookSecret);
    expect(summaries).not.toContain(rotated.webhookSecret);
    expect(summaries).not.toContain(sealed);
    expect(summaries).not.toContain("v1.");
    // Back to a manual hand-off: the address and its secret go.
    const manual = await (
      await put(editor.cookie, "kuaishou", body("kuaishou", { publisher: "manual", webhookUrl: null }))
    ).json();
    expect(manual).toMatchObject({ publisher: "manual", webhookUrl: null, webhookSecretHint: null });
  });

  it("refuses a host and a copywriter (403) and changes nothing", async () => {
    const host = await t.signIn("host");
    const copy = await t.signIn("copywriter");
    const before = snapshot(t.studio);
    for (const who of [host, copy]) {
      const res = await put(who.cookie, "douyin-main", body("douyin-main", { color: "#000000" }));
      expect(res.status).toBe(403);
    }
    expect(snapshot(t.studio)).toEqual(before);
    const direct = updateChannel({
      db: t.studio.db,
      dataKey: t.studio.config.dataKey,
      actor: host.actor,
      now: NOW,
      key: "douyin-main",
      input: updateChannelSchema.parse(body("douyin-main")),
    });
    expect(direct).toMatchObject({ ok: false, status: 403, code: "forbidden" });
  });

  describe("bad input: a clear Chinese message at the field, a 4xx, nothing changed", () => {
    const cases: Array<{ name: string; patch: Record<string, unknown>; field: string; message: string }> = [
      {
        name: "a webhook URL that is not http(s)",
        patch: { publisher: "webhook", webhookUrl: "ftp://hooks.example.cn/x" },
        field: "webhookUrl",
        message: "webhook 地址必须是 http:// 或 https:// 开头的完整网址",
      },
      {
        name: "a javascript: webhook URL",
        patch: { publisher: "webhook", webhookUrl: "javascript:alert(1)" },
        field: "webhookUrl",
        message: "webhook 地址必须是 http:// 或 https:// 开头的完整网址",
      },
      {
        name: "a webhook publisher without an address",
        patch: { publisher: "webhook", webhookUrl: "" },
        field: "webhookUrl",
        message: "选择 webhook 发布时请填写 webhook 地址",
      },
      {
        name: "a cadence rule with zero posts",
        patch: { rules: [{ count: 0, period: "day", kinds: ["episode"] }] },
        field: "rules.0.count",
        message: "发布数量至少为 1",
      },
      {
        name: "a cadence rule with a negative count",
        patch: {
          rules: [
            { count: 1, period: "week" },
            { count: -3, period: "day", kinds: ["episode"] },
          ],
        },
        field: "rules.1.count",
        message: "发布数量至少为 1",
      },
      {
        name: "a cadence rule with an unknown period",
        patch: { rules: [{ count: 1, period: "hour" }] },
        field: "rules.0.period",
        message: "周期必须是每天、每周或每月",
      },
      {
        name: "a window with an end before its start",
        patch: { rules: [{ count: 1, period: "day", windowStart: "21:00", windowEnd: "18:00" }] },
        field: "rules.0.windowEnd",
        message: "时段结束必须晚于开始",
      },
      { name: "no kinds", patch: { kinds: [] }, field: "kinds", message: "请至少选择一种内容类型" },
      {
        name: "a caption limit of zero",
        patch: { captionMax: 0 },
        field: "captionMax",
        message: "文案字数上限至少为 1（不限制请留空）",
      },
    ];
    for (const c of cases)
      it(c.name, async () => {
        const editor = await t.signIn("editor");
        const before = snapshot(t.studio);
        const res = await put(editor.cookie, "douyin-main", body("douyin-main", c.patch));
        expect(res.status).toBe(400);
        const { error } = await res.json();
        expect(error.field).toBe(c.field);
        expect(error.message).toContain(c.message);
        expect(snapshot(t.studio)).toEqual(before);
      });

    it("the use case refuses the same when handed a bad value directly", async () => {
      const editor = await t.signIn("editor");
      const good = updateChannelSchema.parse(body("douyin-main"));
      const before = snapshot(t.studio);
      const run = (input: UpdateChannelInput) =>
        updateChannel({
          db: t.studio.db,
          dataKey: t.studio.config.dataKey,
          actor: editor.actor,
          now: NOW,
          key: "douyin-main",
          input,
        });
      expect(run({ ...good, publisher: "webhook", webhookUrl: "file:///etc/passwd" })).toMatchObject({
        ok: false,
        status: 400,
        code: "invalid_webhook_url",
        field: "webhookUrl",
      });
      expect(run({ ...good, rules: [{ ...good.rules[0], count: 0 }] })).toMatchObject({
        ok: false,
        status: 400,
        code: "invalid_cadence_rule",
        field: "rules.0.count",
        message: "第 1 条发布节奏规则的数量至少为 1。",
      });
      expect(run({ ...good, rules: [{ ...good.rules[0], count: -2 }] })).toMatchObject({
        code: "invalid_cadence_rule",
      });
      expect(run({ ...good, operatorId: 9999 })).toMatchObject({
        code: "invalid_operator",
        field: "operatorId",
      });
      expect(run({ ...good, webhookUrl: null, publisher: "manual" }).ok).toBe(true);
      expect(snapshot(t.studio).rules).toBe(before.rules);
      const unknown = updateChannel({
        db: t.studio.db,
        dataKey: t.studio.config.dataKey,
        actor: editor.actor,
        now: NOW,
        key: "weibo",
        input: good,
      });
      expect(unknown).toMatchObject({ ok: false, status: 404 });
    });
  });

  it("takes the settings form's fields: repeated kinds and rules as JSON text", () => {
    const parsed = updateChannelSchema.parse({
      name: "快手",
      color: "#f76707",
      kinds: "episode",
      titleMax: "",
      captionMax: "500",
      hashtagMax: "5",
      publisher: "manual",
      webhookUrl: "",
      operatorId: "",
      graceMinutes: "120",
      cadenceNote: "",
      rules: JSON.stringify([
        { count: "2", period: "day", kinds: ["episode"], windowStart: "", windowEnd: "" },
      ]),
    });
    expect(parsed).toMatchObject({
      kinds: ["episode"],
      titleMax: null,
      captionMax: 500,
      webhookUrl: null,
      operatorId: null,
      cadenceNote: null,
      rules: [
        { count: 2, period: "day", kinds: ["episode"], label: null, windowStart: null, windowEnd: null },
      ],
      rotateSecret: false,
    });
  });
});
