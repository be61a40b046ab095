import { describe, expect, it } from "vitest";
import { loader as pieceLoader } from "~/routes/_app.pieces.$id";
import { action as newPieceAction } from "~/routes/_app.pieces.new";
import { loader as listLoader } from "~/routes/_app.pieces._index";
import { loader as usersLoader } from "~/routes/_app.admin.users";
import { callRoute, formRequest, getRequest, withStudio } from "../setup/test-studio";
import { pagePost } from "../setup/pieces";
import { rowCount } from "../setup/row-count";
import { schema } from "~/lib/db.server";

const t = withStudio();

async function createDraft(cookie: string, fields: Record<string, string> = {}) {
  const res = await callRoute(
    newPieceAction,
    formRequest(
      "/pieces/new",
      { kind: "article", title: "雨季用车十问", body: "第一版正文", ...fields },
      cookie,
    ),
  );
  expect(res.status).toBe(302);
  return Number(res.headers.get("Location")!.split("/").pop());
}

/** The piece page's edit form, saved over `version` as the holder of `cookie`. */
const saveText = (cookie: string, id: number, version: string, title: string, body: string) =>
  pagePost(cookie, id, { intent: "update", version, title, body });

describe("pieces pages", () => {
  it("creates, edits with a revision, sends to review and approves", async () => {
    const copy = await t.signIn("copywriter");
    const editor = await t.signIn("editor");
    const id = await createDraft(copy.cookie);

    const saved = await saveText(copy.cookie, id, "1", "雨季用车十问十答", "第二版正文\n新增一段");
    expect(saved.status).toBe(200);

    const submitted = await pagePost(copy.cookie, id, { intent: "transition", action: "submit" });
    expect(submitted.status).toBe(200);
    const approved = await pagePost(editor.cookie, id, { intent: "transition", action: "approve" });
    expect(approved.status).toBe(200);

    const page = await (await editor.get(pieceLoader, `/pieces/${id}`, { id: String(id) })).json();
    expect(page.piece).toMatchObject({ status: "approved", title: "雨季用车十问十答", version: 2 });
    expect(page.revisions.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(page.revision.version).toBe(2);
    expect(page.revision.diff).toEqual({
      tooLarge: false,
      lines: [
        expect.objectContaining({ kind: "removed", text: "第一版正文" }),
        expect.objectContaining({ kind: "added", text: "第二版正文" }),
        { kind: "added", text: "新增一段" },
      ],
    });
    expect(page.transitions.map((tr: { action: string }) => tr.action)).toEqual(["submit", "approve"]);

    const list = await (await copy.get(listLoader, "/pieces?status=approved&q=十问")).json();
    expect(list.items.map((p: { id: number }) => p.id)).toEqual([id]);
  });

  it("diffs only the revision asked for, and gives up on a change too large to compare", async () => {
    const copy = await t.signIn("copywriter");
    const id = await createDraft(copy.cookie, { body: "甲\n".repeat(12_500) });
    const save = async (version: number, body: string) =>
      expect(
        (
          await pagePost(copy.cookie, id, {
            intent: "update",
            version: String(version),
            title: "雨季用车十问",
            body,
          })
        ).status,
      ).toBe(200);
    // 12,500 lines replaced by 12,500 others: the unbounded diff took over a minute per view.
    await save(1, "乙\n".repeat(12_500));
    await save(2, "乙\n".repeat(12_499) + "丙\n");
    const view = async (query: string) =>
      (await copy.get(pieceLoader, `/pieces/${id}${query}`, { id: String(id) })).json();

    const latest = await view("");
    expect(latest.revisions.map((r: { version: number }) => r.version)).toEqual([3, 2, 1]);
    expect(latest.revisions[0]).not.toHaveProperty("body");
    expect(latest.revision.version).toBe(3);
    expect(latest.revision.diff).toEqual({
      tooLarge: false,
      // The unchanged lines far from the change are folded into one marker.
      lines: [
        { kind: "skipped", text: "", count: 12_496 },
        { kind: "same", text: "乙" },
        { kind: "same", text: "乙" },
        { kind: "same", text: "乙" },
        { kind: "removed", text: "乙" },
        { kind: "added", text: "丙" },
      ],
    });
    expect((await view("?v=2")).revision).toMatchObject({ version: 2, diff: { tooLarge: true } });
    // The first revision is all added, however long.
    const first = (await view("?v=1")).revision.diff;
    expect(first.lines).toHaveLength(12_500);
    expect(first.lines.every((l: { kind: string }) => l.kind === "added")).toBe(true);
    // An unknown or malformed version falls back to the latest.
    expect((await view("?v=99")).revision.version).toBe(3);
    expect((await view("?v=abc")).revision.version).toBe(3);
  });

  it("refuses a stale edit and keeps the first editor's text", async () => {
    const editorA = await t.signIn("editor");
    const editorB = await t.signIn("editor");
    const id = await createDraft(editorA.cookie);
    const first = await saveText(editorA.cookie, id, "1", "A 的标题", "A 的正文");
    expect(first.status).toBe(200);
    const second = await saveText(editorB.cookie, id, "1", "B 的标题", "B 的正文");
    expect(second.status).toBe(409);
    expect((await second.json()).errors._form).toContain("已被他人修改");
    const page = await (await editorA.get(pieceLoader, `/pieces/${id}`, { id: String(id) })).json();
    expect(page.piece).toMatchObject({ title: "A 的标题", body: "A 的正文", version: 2 });
  });

  it("refuses empty and oversized titles and bodies at the field, storing nothing", async () => {
    const copy = await t.signIn("copywriter");
    const before = rowCount(t.studio, schema.pieces);
    for (const [fields, field] of [
      [{ title: "   " }, "title"],
      [{ title: "长".repeat(121) }, "title"],
      [{ body: "字".repeat(50_001) }, "body"],
      [{ kind: "hologram" }, "kind"],
    ] as const) {
      const res = await copy.form(newPieceAction, "/pieces/new", {
        ...{ kind: "article", title: "标题", body: "" },
        ...fields,
      });
      expect(res.status).toBe(200);
      expect(Object.keys((await res.json()).errors)).toContain(field);
    }
    expect(rowCount(t.studio, schema.pieces)).toBe(before);
  });

  it("stores SQL and HTML in text fields as text", async () => {
    const copy = await t.signIn("copywriter");
    const title = `'); DROP TABLE pieces; -- <script>alert(1)</script>`;
    const id = await createDraft(copy.cookie, { title, body: "<img src=x onerror=alert(1)>" });
    const page = await (await copy.get(pieceLoader, `/pieces/${id}`, { id: String(id) })).json();
    expect(page.piece.title).toBe(title);
    expect(page.piece.body).toBe("<img src=x onerror=alert(1)>");
    expect(rowCount(t.studio, schema.pieces)).toBe(1);
  });

  it("refuses a copywriter approving, changing nothing", async () => {
    const copy = await t.signIn("copywriter");
    const id = await createDraft(copy.cookie);
    await pagePost(copy.cookie, id, { intent: "transition", action: "submit" });
    const audits = rowCount(t.studio, schema.auditLog);
    const res = await pagePost(copy.cookie, id, { intent: "transition", action: "approve" });
    expect(res.status).toBe(403);
    expect(rowCount(t.studio, schema.auditLog)).toBe(audits);
    const unknown = await pagePost(copy.cookie, id, { intent: "transition", action: "levitate" });
    expect(unknown.status).toBe(400);
  });

  it("refuses roles without the capability before reading anything", async () => {
    const host = await t.signIn("host");
    const copy = await t.signIn("copywriter");
    expect((await host.form(newPieceAction, "/pieces/new", { kind: "article", title: "x" })).status).toBe(
      403,
    );
    expect((await copy.get(usersLoader, "/admin/users")).status).toBe(403);
    const anonymous = await callRoute(listLoader, getRequest("/pieces"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toContain("/login");
  });

  it("writes an audit entry with every mutation", async () => {
    const copy = await t.signIn("copywriter");
    const before = rowCount(t.studio, schema.auditLog);
    const id = await createDraft(copy.cookie);
    await saveText(copy.cookie, id, "1", "改", "");
    await pagePost(copy.cookie, id, { intent: "transition", action: "submit" });
    const actions = t.studio.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .all()
      .slice(before)
      .map((r) => r.action);
    expect(actions).toEqual(["piece.create", "piece.update", "piece.submit"]);
  });
});

describe("piece search", () => {
  it("matches % and _ typed by the user literally", async () => {
    const copy = await t.signIn("copywriter");
    await createDraft(copy.cookie, { title: "满减 100% 返现" });
    await createDraft(copy.cookie, { title: "普通标题" });
    const percent = await (await copy.get(listLoader, `/pieces?q=${encodeURIComponent("100%")}`)).json();
    expect(percent.items.map((p: { title: string }) => p.title)).toEqual(["满减 100% 返现"]);
    const lone = await (await copy.get(listLoader, `/pieces?q=${encodeURIComponent("%")}`)).json();
    expect(lone.total).toBe(1);
    const underscore = await (await copy.get(listLoader, "/pieces?q=_")).json();
    expect(underscore.total).toBe(0);
  });
});
