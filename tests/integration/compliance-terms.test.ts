import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { action as termAction, loader as termLoader } from "~/routes/api.v1.terms.$id";
import { action as termsAction, loader as termsLoader } from "~/routes/api.v1.terms";
import { loader as openapi } from "~/routes/api.v1.openapi[.]json";
import { loader as versionLoader } from "~/routes/api.v1.terms.versions.$version";
import { action as restoreAction } from "~/routes/api.v1.terms.versions.$version.restore";
import { loader as versionsLoader } from "~/routes/api.v1.terms.versions";
import { action as pageAction, loader as pageLoader } from "~/routes/_app.terms._index";
import { callRoute, getRequest, jsonRequest, routeArgs as args, withStudio } from "../setup/test-studio";
import { entry, librarySnapshot, NOW, seedLibrary } from "./compliance-terms-helpers";

const t = withStudio({ now: () => NOW });
const people = () => t.people({ editor: ["editor"], copy: ["copywriter"] });

const post = (cookie: string, body: unknown, headers: Record<string, string> = {}) =>
  callRoute(termsAction, jsonRequest("/api/v1/terms", "POST", body, { Cookie: cookie, ...headers }));
const patch = (cookie: string, id: number, body: unknown) =>
  callRoute(termAction, jsonRequest(`/api/v1/terms/${id}`, "PATCH", body, { Cookie: cookie }), {
    id: String(id),
  });
const del = (cookie: string, id: number) =>
  callRoute(
    termAction,
    new Request(`http://localhost/api/v1/terms/${id}`, { method: "DELETE", headers: { Cookie: cookie } }),
    {
      id: String(id),
    },
  );
const restore = (cookie: string, version: number) =>
  callRoute(
    restoreAction,
    new Request(`http://localhost/api/v1/terms/versions/${version}/restore`, {
      method: "POST",
      headers: { Cookie: cookie },
    }),
    { version: String(version) },
  );
const list = async (cookie: string, query = "") =>
  (await callRoute(termsLoader, getRequest(`/api/v1/terms${query}`, { Cookie: cookie }))).json();

function versionRow(version: number) {
  return t.studio.db
    .select()
    .from(schema.termLibraryVersions)
    .where(eq(schema.termLibraryVersions.version, version))
    .get()!;
}
function lastAudit() {
  return t.studio.db.select().from(schema.auditLog).orderBy(desc(schema.auditLog.id)).all();
}
function rescanJobs() {
  return t.studio.db.select().from(schema.jobs).where(eq(schema.jobs.type, "compliance_rescan")).all();
}

describe("term library changes", () => {
  it("writes each create, update, delete and restore as a new version with its audit entry and a rescan job", async () => {
    const { editor } = await people();

    // Create: version 1 holds the term.
    const created = await post(editor.cookie, entry());
    expect(created.status).toBe(201);
    const { term, version } = await created.json();
    expect(version).toBe(1);
    expect(term).toMatchObject({
      term: "最好",
      category: "absolute",
      severity: "block",
      allowedContexts: ["最好是"],
    });
    const v1 = versionRow(1);
    expect(v1).toMatchObject({ cause: "create", termCount: 1, actorId: editor.actor.id });
    expect(v1.terms).toEqual([entry()]);
    const created1 = lastAudit().find((a) => a.action === "term.create")!;
    expect(created1.actorId).toBe(editor.actor.id);
    expect(JSON.parse(created1.summary).after).toMatchObject({ term: "最好", version: 1, termCount: 1 });

    // Update: version 2; the audit entry holds before and after.
    const updated = await patch(editor.cookie, term.id, {
      severity: "review",
      allowedContexts: "最好是|最好不要",
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({
      version: 2,
      changed: true,
      term: { id: term.id, severity: "review", allowedContexts: ["最好是", "最好不要"] },
    });
    expect(versionRow(2)).toMatchObject({ cause: "update", termCount: 1 });
    const update = JSON.parse(lastAudit().find((a) => a.action === "term.update")!.summary);
    expect(update.before.severity).toBe("block");
    expect(update.after).toMatchObject({ severity: "review", version: 2 });

    // The same values again change nothing: no version.
    const same = await patch(editor.cookie, term.id, { severity: "review" });
    expect(await same.json()).toMatchObject({ version: 2, changed: false });

    // A second term, then delete the first: version 4 has one term.
    expect((await post(editor.cookie, entry({ term: null, pattern: "100\\s*%" }))).status).toBe(201);
    const deleted = await del(editor.cookie, term.id);
    expect(await deleted.json()).toEqual({ version: 4 });
    expect(versionRow(4)).toMatchObject({ cause: "delete", termCount: 1 });
    expect(JSON.parse(lastAudit().find((a) => a.action === "term.delete")!.summary).before.term).toBe("最好");
    expect(
      await termLoader(
        args(getRequest(`/api/v1/terms/${term.id}`, { Cookie: editor.cookie }), { id: String(term.id) }),
      ).catch((r: Response) => r.status),
    ).toBe(404);

    // Restore version 2 (the edited term alone) as version 5; nothing in between is lost.
    const restored = await restore(editor.cookie, 2);
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ version: 5, restoredFrom: 2, added: 1, removed: 1 });
    expect(versionRow(5)).toMatchObject({ cause: "restore", termCount: 1, note: "恢复自第 2 版" });
    expect(versionRow(5).terms).toEqual(versionRow(2).terms);
    const now = await list(editor.cookie);
    expect(now).toMatchObject({ version: 5, total: 1 });
    expect(now.items[0]).toMatchObject({ term: "最好", severity: "review" });
    expect(JSON.parse(lastAudit().find((a) => a.action === "terms.restore")!.summary).after).toMatchObject({
      restoredFrom: 2,
      version: 5,
    });

    // Versions, newest first, with who made them; an old one can be read whole.
    const versions = await (await editor.get(versionsLoader, "/api/v1/terms/versions")).json();
    expect(versions.items.map((v: { version: number; cause: string }) => [v.version, v.cause])).toEqual([
      [5, "restore"],
      [4, "delete"],
      [3, "create"],
      [2, "update"],
      [1, "create"],
    ]);
    expect(versions.items[0].actorName).toBe(editor.actor.name);
    const v3 = await (await editor.get(versionLoader, "/api/v1/terms/versions/3", { version: "3" })).json();
    expect(v3.terms).toHaveLength(2);

    // Every version queued one rescan, keyed by its number.
    expect(rescanJobs().map((j) => [j.payload, j.idempotencyKey])).toEqual(
      [1, 2, 3, 4, 5].map((v) => [{ version: v }, `compliance_rescan:${v}`]),
    );

    // The current version cannot be restored onto itself; an unknown one is 404.
    const current = await restore(editor.cookie, 5);
    expect(current.status).toBe(409);
    expect((await current.json()).error.code).toBe("library_version_current");
    expect((await restore(editor.cookie, 99)).status).toBe(404);
  });

  it("restores onto a seeded library, keeping the ids of terms that did not change", async () => {
    const { editor } = await people();
    seedLibrary(t.studio);
    const before = await list(editor.cookie, "?q=%E8%87%AA%E5%8A%A8%E9%A9%BE%E9%A9%B6"); // 自动驾驶
    const target = before.items.find((i: { term: string }) => i.term === "自动驾驶");
    await del(editor.cookie, target.id);
    const other = before.items.find((i: { term: string }) => i.term !== "自动驾驶");
    const res = await restore(editor.cookie, 1);
    expect(await res.json()).toMatchObject({ version: 3, added: 1, updated: 0, removed: 0 });
    const after = await list(editor.cookie, "?q=%E8%87%AA%E5%8A%A8%E9%A9%BE%E9%A9%B6");
    expect(after.items.find((i: { term: string }) => i.term === other.term).id).toBe(other.id);
    const byText = (terms: Array<{ term: string | null; pattern: string | null }>) =>
      terms.map((term) => JSON.stringify(term)).sort();
    expect(byText(versionRow(3).terms)).toEqual(byText(versionRow(1).terms));
  });
});

describe("bad input", () => {
  const cases: Array<[string, Record<string, unknown>, number, string, string]> = [
    ["an empty term", { term: "" }, 400, "term", "请填写词条或正则（二选一）"],
    ["a term of spaces", { term: "   " }, 400, "term", "词条不能为空"],
    ["a term of 200 characters", { term: "最".repeat(200) }, 400, "term", "词条必须少于 200 个字"],
    ["a term of punctuation only", { term: "！！！" }, 400, "term", "词条只有空格或标点，扫描时无法匹配。"],
    ["a term with a line break", { term: "最\n好" }, 400, "term", "词条不能包含换行或控制字符"],
    ["both term and pattern", { pattern: "100\\s*%" }, 400, "pattern", "词条和正则只能填一个"],
    ["neither term nor pattern", { term: null }, 400, "term", "请填写词条或正则（二选一）"],
    ["a pattern that does not compile", { term: null, pattern: "(100" }, 400, "pattern", "正则无法编译"],
    ["a pattern that backtracks", { term: null, pattern: "(a+)+b" }, 400, "pattern", "回溯失控"],
    ["a pattern that matches empty text", { term: null, pattern: "\\d*" }, 400, "pattern", "能匹配空文本"],
    ["a pattern with lookahead", { term: null, pattern: "首付(?=0)" }, 400, "pattern", "前后断言"],
    [
      "a pattern of 201 characters",
      { term: null, pattern: "a".repeat(201) },
      400,
      "pattern",
      "不能超过 200 个字符",
    ],
    ["an unknown category", { category: "rumours" }, 400, "category", "类别只能是"],
    ["an unknown severity", { severity: "warn" }, 400, "severity", "严重程度只能是 block 或 review"],
    ["an empty reason", { reason: " " }, 400, "reason", "请填写原因"],
    ["no basis", { basis: undefined }, 400, "basis", "请填写依据"],
    [
      "a context without the term",
      { allowedContexts: ["最近"] },
      400,
      "allowedContexts",
      "允许语境“最近”必须比词条“测试词”长并包含它",
    ],
    [
      "a context equal to the term",
      { allowedContexts: ["测试词"] },
      400,
      "allowedContexts",
      "必须比词条“测试词”长并包含它",
    ],
  ];

  it.each(cases)(
    "refuses %s at its field and changes nothing",
    async (_name, change, status, field, message) => {
      const { editor } = await people();
      seedLibrary(t.studio);
      const before = librarySnapshot(t.studio);
      const res = await post(editor.cookie, { ...entry({ term: "测试词" }), allowedContexts: [], ...change });
      expect(res.status).toBe(status);
      const { error } = await res.json();
      expect(error.field).toBe(field);
      expect(error.message).toContain(message);
      expect(librarySnapshot(t.studio)).toEqual(before);
    },
  );

  it("refuses a term the library has (as the scanner reads it) and a pattern it has, on create and on update", async () => {
    const { editor } = await people();
    seedLibrary(t.studio);
    const before = librarySnapshot(t.studio);
    const spaced = await post(editor.cookie, entry({ term: "最 好", allowedContexts: [] }));
    expect(spaced.status).toBe(409);
    expect((await spaced.json()).error).toMatchObject({
      code: "term_exists",
      field: "term",
      message: "词条“最好”已在词库中。",
    });
    const fullWidth = await post(editor.cookie, entry({ term: "ＮＯ．１", allowedContexts: [] }));
    expect((await fullWidth.json()).error.code).toBe("term_exists");
    const pattern = await post(
      editor.cookie,
      entry({ term: null, pattern: "100\\s*%", allowedContexts: [] }),
    );
    expect((await pattern.json()).error).toMatchObject({ code: "term_exists", field: "pattern" });
    const { items } = await list(editor.cookie, "?q=%E9%A6%96%E9%80%89"); // 首选
    const renamed = await patch(editor.cookie, items[0].id, { term: "最佳" });
    expect(renamed.status).toBe(409);
    const both = await patch(editor.cookie, items[0].id, { pattern: "x+" });
    expect((await both.json()).error).toMatchObject({ code: "invalid_body", field: "pattern" });
    const empty = await patch(editor.cookie, items[0].id, {});
    expect((await empty.json()).error.field).toBe("term");
    expect((await patch(editor.cookie, 99_999, { severity: "review" })).status).toBe(404);
    expect((await del(editor.cookie, 99_999)).status).toBe(404);
    expect(librarySnapshot(t.studio)).toEqual(before);
  });

  it("answers in English when asked", async () => {
    const { editor } = await people();
    seedLibrary(t.studio);
    const res = await post(editor.cookie, entry({ term: "最好", allowedContexts: [] }), {
      "Accept-Language": "en",
    });
    expect((await res.json()).error.message).toBe("“最好” is already in the library.");
    const bad = await post(editor.cookie, entry({ term: null, pattern: "(a+)+b" }), {
      "Accept-Language": "en",
    });
    expect((await bad.json()).error.message).toMatch(/^The pattern could backtrack catastrophically/);
  });
});

describe("roles", () => {
  it("lets every role read the library and refuses changes to roles without terms.manage", async () => {
    const { editor, copy } = await people();
    seedLibrary(t.studio);
    const before = librarySnapshot(t.studio);
    const read = await list(copy.cookie, "?category=off_platform&severity=block");
    expect(read.version).toBe(1);
    expect(read.total).toBeGreaterThan(10);
    expect(
      read.items.every(
        (i: { category: string; severity: string }) =>
          i.category === "off_platform" && i.severity === "block",
      ),
    ).toBe(true);
    const id = read.items[0].id;

    expect((await post(copy.cookie, entry({ term: "新词" }))).status).toBe(403);
    expect((await patch(copy.cookie, id, { severity: "review" })).status).toBe(403);
    expect((await del(copy.cookie, id)).status).toBe(403);
    expect((await restore(copy.cookie, 1)).status).toBe(403);
    // The page's actions too, and its view offers no editing.
    const pageDelete = await copy.form(pageAction, "/terms?index", { intent: "delete", termId: String(id) });
    expect(pageDelete.status).toBe(403);
    const page = await pageLoader(args(getRequest("/terms", { Cookie: copy.cookie })));
    expect(page.canManage).toBe(false);
    expect((await pageLoader(args(getRequest("/terms", { Cookie: editor.cookie })))).canManage).toBe(true);
    expect(librarySnapshot(t.studio)).toEqual(before);

    const anonymous = await callRoute(termsLoader, getRequest("/api/v1/terms"));
    expect(anonymous.status).toBe(401);
  });
});

describe("the terms page", () => {
  it("filters by category, severity and text, and edits through its forms with errors at the field", async () => {
    const { editor } = await people();
    seedLibrary(t.studio);
    const filtered = await pageLoader(
      args(getRequest("/terms?category=auto_adas&q=%E9%A9%BE%E9%A9%B6", { Cookie: editor.cookie })),
    );
    expect(filtered.items.length).toBeGreaterThan(3);
    expect(filtered.items.every((i) => i.category === "auto_adas")).toBe(true);
    expect(filtered.items.some((i) => i.term === "自动驾驶")).toBe(true);
    // A filter the page does not know is ignored rather than an error page.
    const unknown = await pageLoader(args(getRequest("/terms?severity=nope", { Cookie: editor.cookie })));
    expect(unknown.items.length).toBe(unknown.termsTotal);

    const before = librarySnapshot(t.studio);
    const bad = await editor.form(pageAction, "/terms?index", {
      intent: "create",
      term: "",
      pattern: "(a+)+$",
      category: "price",
      severity: "block",
      reason: "测试",
      basis: "测试",
    });
    const reply = await bad.json();
    expect(reply.ok).toBe(false);
    expect(reply.errors.pattern).toContain("回溯失控");
    expect(librarySnapshot(t.studio)).toEqual(before);

    const good = await editor.form(pageAction, "/terms?index", {
      intent: "create",
      term: "秒杀价",
      category: "price",
      severity: "review",
      reason: "价格用语须真实",
      basis: "《明码标价和禁止价格欺诈规定》第十九条",
      suggestion: "写具体价格",
      allowedContexts: "秒杀价格表\n",
    });
    expect(await good.json()).toMatchObject({ ok: true, notice: "已新增词条，词库已更新。" });
    const added = (
      await pageLoader(args(getRequest("/terms?q=%E7%A7%92%E6%9D%80%E4%BB%B7", { Cookie: editor.cookie })))
    ).items[0];
    expect(added).toMatchObject({ term: "秒杀价", allowedContexts: ["秒杀价格表"] });

    const edit = await editor.form(pageAction, "/terms?index", {
      intent: "update",
      termId: String(added.id),
      term: "秒杀价",
      category: "price",
      severity: "bogus",
      reason: "x",
      basis: "y",
    });
    expect((await edit.json()).errors.severity).toBe("严重程度只能是 block 或 review");
    const gone = await editor.form(pageAction, "/terms?index", {
      intent: "delete",
      termId: String(added.id),
    });
    expect((await gone.json()).ok).toBe(true);
    const restored = await editor.form(pageAction, "/terms?index", { intent: "restore", version: "2" });
    expect(await restored.json()).toMatchObject({ ok: true, notice: "已恢复，并保存为新的词库版本。" });
    const view = await pageLoader(args(getRequest("/terms", { Cookie: editor.cookie })));
    expect(view.version).toBe(4);
    expect(view.versions.map((v) => v.cause)).toEqual(["restore", "delete", "create", "seed"]);
  });
});

describe("the API document", () => {
  it("describes the term library's operations from the same schemas", async () => {
    const { copy } = await people();
    const doc = await (await copy.get(openapi, "/api/v1/openapi.json")).json();
    const create = doc.paths["/api/v1/terms"].post.requestBody.content["application/json"].schema;
    expect(create.properties.severity.enum).toEqual(["block", "review"]);
    expect(doc.paths["/api/v1/terms/{id}"].patch).toBeDefined();
    expect(doc.paths["/api/v1/terms/import"].post.summary).toContain("text/csv");
    expect(doc.paths["/api/v1/terms/export"].get).toBeDefined();
    expect(doc.paths["/api/v1/terms/versions/{version}/restore"].post.description).toContain("terms.manage");
  });
});
