import { count, desc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { DEFAULT_ORIGINALITY_THRESHOLD } from "~/modules/compliance/compliance-types";
import { addBoilerplateLine } from "~/modules/compliance/originality/add-boilerplate-line.server";
import { removeBoilerplateLine } from "~/modules/compliance/originality/remove-boilerplate-line.server";
import { setOriginalityThreshold } from "~/modules/compliance/originality/set-originality-threshold.server";
import { action, loader } from "~/routes/_app.terms.originality";
import { callRoute, formRequest, withStudio } from "../setup/test-studio";

const t = withStudio({ now: () => new Date("2026-06-10T04:00:00Z") });

const PAGE = "/terms/originality";

async function post(cookie: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const request = formRequest(PAGE, fields, cookie);
  for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  return callRoute(action, request);
}

/** Everything the settings can change, and the audit log's length: "nothing changed" compares these. */
function state() {
  const db = t.studio.db;
  return {
    thresholds: db.select().from(schema.originalityThresholds).all(),
    lines: db.select().from(schema.boilerplateLines).all(),
    audit: db.select({ n: count() }).from(schema.auditLog).get()!.n,
  };
}

function lastAudit() {
  const row = t.studio.db.select().from(schema.auditLog).orderBy(desc(schema.auditLog.id)).limit(1).get()!;
  return { ...row, summary: JSON.parse(row.summary) as { before?: unknown; after?: unknown } };
}

function addColumn() {
  return t.studio.db
    .insert(schema.columns)
    .values({
      slug: "one-minute-car",
      name: "一分钟识车",
      episodeTarget: 30,
      durationSeconds: 60,
      outroLine: "到店报暗号“秒懂”送原厂雨伞",
      mixCategory: "车型讲解",
    })
    .returning()
    .get();
}

describe("originality settings page", () => {
  it("shows every kind's threshold, the boilerplate and the outro lines to any role, read-only without terms.manage", async () => {
    const column = addColumn();
    const editor = await t.signIn("editor");
    setOriginalityThreshold({
      db: t.studio.db,
      actor: editor.actor,
      kind: "poster",
      threshold: 0.8,
      now: t.studio.now(),
    });
    addBoilerplateLine({
      db: t.studio.db,
      actor: editor.actor,
      input: { text: "门店地址：本市开发区汽车大道88号", columnId: column.id },
      now: t.studio.now(),
    });
    const analyst = await t.signIn("analyst");
    const res = await analyst.get(loader, PAGE);
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data).toMatchObject({ canManage: false, canCheck: false });
    expect(
      data.thresholds.map((row: { kind: string; threshold: number; isDefault: boolean }) => [
        row.kind,
        row.threshold,
        row.isDefault,
      ]),
    ).toEqual([
      ["episode", DEFAULT_ORIGINALITY_THRESHOLD, true],
      ["poster", 0.8, false],
      ["article", DEFAULT_ORIGINALITY_THRESHOLD, true],
      ["ebook", DEFAULT_ORIGINALITY_THRESHOLD, true],
      ["handbook", DEFAULT_ORIGINALITY_THRESHOLD, true],
      ["livestream", DEFAULT_ORIGINALITY_THRESHOLD, true],
    ]);
    expect(data.lines).toMatchObject([
      { text: "门店地址：本市开发区汽车大道88号", columnId: column.id, columnName: "一分钟识车" },
    ]);
    expect(data.columns).toEqual([
      { id: column.id, name: "一分钟识车", outroLine: "到店报暗号“秒懂”送原厂雨伞" },
    ]);
    const editorView = await (await editor.get(loader, PAGE)).json();
    expect(editorView).toMatchObject({ canManage: true, canCheck: true });
  });

  it("lets an editor set a threshold, audited with before and after; refuses a bad value at its field, changing nothing", async () => {
    const editor = await t.signIn("editor");
    const saved = await post(editor.cookie, { intent: "set-threshold", kind: "article", threshold: "92.5" });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ ok: true, notice: "门槛已保存。" });
    expect(t.studio.db.select().from(schema.originalityThresholds).all()).toMatchObject([
      { kind: "article", threshold: 0.925 },
    ]);
    expect(lastAudit()).toMatchObject({
      action: "originality.threshold.set",
      entity: "originality_threshold",
      entityId: "article",
      actorId: editor.actor.id,
      summary: { before: { threshold: 0.9 }, after: { threshold: 0.925 } },
    });

    const before = state();
    for (const [fields, field, message] of [
      [{ kind: "article", threshold: "150" }, "threshold", "请填写 0 到 100 之间的百分比"],
      [{ kind: "article", threshold: "-1" }, "threshold", "请填写 0 到 100 之间的百分比"],
      [{ kind: "article", threshold: "abc" }, "threshold", "请填写 0 到 100 之间的百分比"],
      [{ kind: "article", threshold: "" }, "threshold", "请填写 0 到 100 之间的百分比"],
      [{ kind: "podcast", threshold: "90" }, "kind", "未知的内容类型"],
    ] as const) {
      const refused = await post(editor.cookie, { intent: "set-threshold", ...fields });
      expect(refused.status).toBe(400);
      expect((await refused.json()).errors).toEqual({ [field]: message });
    }
    // The use case itself refuses what a hand-built input gets wrong.
    expect(
      setOriginalityThreshold({
        db: t.studio.db,
        actor: editor.actor,
        kind: "article",
        threshold: 1.5,
        now: t.studio.now(),
      }),
    ).toMatchObject({ ok: false, status: 400, code: "invalid_threshold", field: "threshold" });
    expect(
      setOriginalityThreshold({
        db: t.studio.db,
        actor: editor.actor,
        kind: "flyer",
        threshold: 0.5,
        now: t.studio.now(),
      }),
    ).toMatchObject({ ok: false, status: 400, code: "unknown_kind", field: "kind" });
    expect(state()).toEqual(before);
  });

  it("declares and removes boilerplate, audited; refuses a short, duplicate or misplaced line at its field", async () => {
    const column = addColumn();
    const editor = await t.signIn("editor");
    const disclaimer = "以上活动最终解释权在法律允许范围内归本店所有。";
    const added = await post(editor.cookie, {
      intent: "add-boilerplate",
      text: `  ${disclaimer} `,
      columnId: "",
    });
    expect(await added.json()).toMatchObject({ ok: true, notice: "固定文字已登记。" });
    const line = t.studio.db.select().from(schema.boilerplateLines).get()!;
    expect(line).toMatchObject({ text: disclaimer, columnId: null });
    expect(lastAudit()).toMatchObject({
      action: "originality.boilerplate.add",
      entity: "boilerplate_line",
      entityId: String(line.id),
      summary: { after: { text: disclaimer, columnId: null } },
    });

    const before = state();
    for (const [fields, status, field, message] of [
      [{ text: "" }, 400, "text", "请填写固定文字"],
      [{ text: "  本店。 " }, 400, "text", "固定文字至少要有 6 个字（不计空格和标点）。"],
      [{ text: "字".repeat(501) }, 400, "text", "固定文字不能超过 500 个字"],
      // The same line, written with other spaces and full-width punctuation, is a duplicate.
      [{ text: disclaimer.replace("，", " ").replace("。", ".") }, 409, "text", "这条固定文字已经登记过了。"],
      [{ text: "门店地址：本市开发区汽车大道88号", columnId: "9999" }, 400, "columnId", "所选栏目不存在。"],
      [{ text: "门店地址：本市开发区汽车大道88号", columnId: "abc" }, 400, "columnId", "请选择栏目"],
    ] as const) {
      const refused = await post(editor.cookie, { intent: "add-boilerplate", columnId: "", ...fields });
      expect(refused.status).toBe(status);
      expect((await refused.json()).errors).toEqual({ [field]: message });
    }
    expect(state()).toEqual(before);
    // The same words for one column only are a different declaration.
    const forColumn = await post(editor.cookie, {
      intent: "add-boilerplate",
      text: disclaimer,
      columnId: String(column.id),
    });
    expect(await forColumn.json()).toMatchObject({ ok: true });

    const removed = await post(editor.cookie, { intent: "remove-boilerplate", id: String(line.id) });
    expect(await removed.json()).toMatchObject({ ok: true, notice: "固定文字已删除。" });
    expect(
      t.studio.db
        .select()
        .from(schema.boilerplateLines)
        .all()
        .map((l) => l.columnId),
    ).toEqual([column.id]);
    expect(lastAudit()).toMatchObject({
      action: "originality.boilerplate.remove",
      entityId: String(line.id),
      summary: { before: { text: disclaimer, columnId: null } },
    });
    const gone = await post(editor.cookie, { intent: "remove-boilerplate", id: String(line.id) });
    expect(gone.status).toBe(404);
    expect((await gone.json()).error).toBe("这条固定文字不存在。");
    // In English for an English page.
    const english = await post(
      editor.cookie,
      { intent: "add-boilerplate", text: "本店。", columnId: "" },
      { Cookie: `${editor.cookie}; lang=en` },
    );
    expect((await english.json()).errors).toEqual({
      text: "A boilerplate line needs at least 6 characters (spaces and punctuation do not count).",
    });
  });

  it("refuses a copywriter every change (403), changing nothing, while letting them try a text", async () => {
    const editor = await t.signIn("editor");
    addBoilerplateLine({
      db: t.studio.db,
      actor: editor.actor,
      input: { text: "以上活动最终解释权归本店所有", columnId: null },
      now: t.studio.now(),
    });
    const id = String(t.studio.db.select().from(schema.boilerplateLines).get()!.id);
    const copywriter = await t.signIn("copywriter");
    const analyst = await t.signIn("analyst");
    const view = await (await copywriter.get(loader, PAGE)).json();
    expect(view).toMatchObject({ canManage: false, canCheck: true });
    const before = state();
    const changes: Record<string, string>[] = [
      { intent: "set-threshold", kind: "article", threshold: "50" },
      { intent: "add-boilerplate", text: "门店地址：本市开发区汽车大道88号", columnId: "" },
      { intent: "remove-boilerplate", id },
    ];
    for (const fields of changes) {
      expect((await post(copywriter.cookie, fields)).status).toBe(403);
    }
    expect(state()).toEqual(before);
    // The use cases refuse on their own too.
    const now = t.studio.now();
    const actor = copywriter.actor;
    const refusal = { ok: false, status: 403, code: "forbidden", message: "你的角色不能修改原创度设置。" };
    expect(
      setOriginalityThreshold({ db: t.studio.db, actor, kind: "article", threshold: 0.5, now }),
    ).toMatchObject(refusal);
    expect(
      addBoilerplateLine({ db: t.studio.db, actor, input: { text: "一二三四五六七", columnId: null }, now }),
    ).toMatchObject(refusal);
    expect(removeBoilerplateLine({ db: t.studio.db, actor, id: Number(id), now })).toMatchObject(refusal);
    expect(state()).toEqual(before);

    const checked = await post(copywriter.cookie, {
      intent: "check",
      text: "一段还没有人写过的新文案，讲的是冬季续航。",
      kind: "poster",
      columnId: "",
    });
    expect(checked.status).toBe(200);
    expect(await checked.json()).toMatchObject({
      ok: true,
      text: "一段还没有人写过的新文案，讲的是冬季续航。",
      result: { score: null, nearDuplicateOf: null, passes: true, threshold: 0.9 },
    });
    const blank = await post(copywriter.cookie, { intent: "check", text: " ", kind: "poster" });
    expect((await blank.json()).errors).toEqual({ text: "请提供要检查的文本" });
    expect((await post(analyst.cookie, { intent: "check", text: "一段文字", kind: "poster" })).status).toBe(
      403,
    );
    // A check changes nothing.
    expect(state()).toEqual(before);
  });
});
