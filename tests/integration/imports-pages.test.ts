import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { createApiToken } from "~/modules/auth/create-api-token.server";
import { currentPlatformMetrics } from "~/modules/metrics-import/current-platform-metrics.server";
import { action as importAction, loader as importLoader } from "~/routes/_app.imports.$id";
import { action as aliasesAction, loader as aliasesLoader } from "~/routes/_app.imports.aliases";
import { action as historyAction, loader as historyLoader } from "~/routes/_app.imports._index";
import { action as uploadAction } from "~/routes/_app.imports.new";
import { loader as apiList } from "~/routes/api.v1.imports";
import { callRoute, formRequest, getRequest, withStudio } from "../setup/test-studio";
import {
  AS_OF,
  auditActions,
  gbk,
  goodRows,
  importRow,
  importSnapshot,
  importStudio,
  NOW,
  postImport,
  utf8,
} from "./imports-helpers";

const t = withStudio({ now: () => NOW });

/** The upload page's multipart form, as the browser sends it. */
function upload(cookie: string, file: Blob, name: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("platform", "douyin-main");
  form.set("asOf", AS_OF);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new File([file], name));
  return callRoute(
    uploadAction,
    new Request("http://localhost/imports/new", {
      method: "POST",
      body: form,
      headers: { Cookie: cookie },
    }),
  );
}

async function previewOf(cookie: string, id: number) {
  const res = await callRoute(importLoader, getRequest(`/imports/${id}`, { Cookie: cookie }), {
    id: String(id),
  });
  expect(res.status).toBe(200);
  return res.json();
}

function post(cookie: string, id: number, fields: Record<string, string>) {
  return callRoute(importAction, formRequest(`/imports/${id}`, { importId: String(id), ...fields }, cookie), {
    id: String(id),
  });
}

describe("the import pages", () => {
  it("upload → preview with a manual match and a skipped row → apply; undo from the history", async () => {
    const s = await importStudio(t.studio);
    const rows = goodRows();
    rows.push(["平台上的标题完全不同", "2026-02-28 19:00", "", "", "800", "10%", "9", "1", "0", "0", "视频"]);
    rows.push(["合计", "", "", "", "14万", "", "", "", "", "", ""]);
    const uploaded = await upload(s.analyst.cookie, new Blob([gbk(rows)]), "抖音作品数据.csv");
    expect(uploaded.status).toBe(302);
    const id = Number(uploaded.headers.get("Location")!.split("/").pop());
    expect(importRow(t.studio, id)).toMatchObject({ status: "preview", encoding: "gb18030", rowCount: 5 });
    expect(importSnapshot(t.studio).figures).toBe(0);

    const { preview, candidates } = await previewOf(s.analyst.cookie, id);
    expect(preview.counts).toMatchObject({ rows: 5, ready: 3, blocked: 2 });
    expect(preview.rows.map((r: { match: { by: string } | null }) => r.match?.by ?? null)).toEqual([
      "url",
      "platformId",
      "title",
      null,
      null,
    ]);
    expect(preview.rows[3].problems[0].message).toBe("没有找到对应的内容：请手动选择，或跳过此行");
    // The pieces with a slot on the channel come first in the select.
    expect(candidates.slice(0, 2).every((c: { onChannel: boolean }) => c.onChannel)).toBe(true);

    const refused = await post(s.analyst.cookie, id, { intent: "apply" });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe(
      "第 6 行：没有找到对应的内容：请手动选择，或跳过此行（另有 1 行有问题：6, 7）",
    );
    expect(importSnapshot(t.studio).figures).toBe(0);

    const applied = await post(s.analyst.cookie, id, {
      intent: "apply",
      "match.6": String(s.pieces.spare.id),
      "match.7": "skip",
    });
    expect(applied.status).toBe(200);
    expect((await applied.json()).notice).toBe("已应用导入。");
    expect(importRow(t.studio, id)).toMatchObject({ status: "applied", payload: null });
    expect(currentPlatformMetrics({ db: t.studio.db, pieceIds: [s.pieces.spare.id] })[0]).toMatchObject({
      plays: 800,
    });
    const again = await post(s.analyst.cookie, id, { intent: "apply" });
    expect((await again.json()).code).toBe("import_not_preview");

    const history = await (await s.analyst.get(historyLoader, "/imports")).json();
    expect(history.imports[0]).toMatchObject({ id, status: "applied", written: 4, rowCount: 5 });
    const undone = await s.analyst.form(historyAction, "/imports", { intent: "undo", importId: String(id) });
    expect((await undone.json()).notice).toBe("已撤销这次导入，数据回到上一次导入。");
    expect(currentPlatformMetrics({ db: t.studio.db })).toEqual([]);
    expect(auditActions(t.studio, "metric_import.")).toEqual([
      "metric_import.preview",
      "metric_import.apply",
      "metric_import.undo",
    ]);
  });

  it("a discarded preview is gone; an applied import cannot be discarded", async () => {
    const s = await importStudio(t.studio);
    const id = Number(
      (await upload(s.analyst.cookie, new Blob([utf8(goodRows())]), "a.csv")).headers
        .get("Location")!
        .split("/")
        .pop(),
    );
    const gone = await post(s.analyst.cookie, id, { intent: "discard" });
    expect(gone.status).toBe(302);
    expect(importRow(t.studio, id)).toBeUndefined();
    const res = await postImport({ Cookie: s.analyst.cookie }, utf8(goodRows()));
    const applied = (await res.json()).import.id;
    const refused = await post(s.analyst.cookie, applied, { intent: "discard" });
    expect(refused.status).toBe(409);
    expect(auditActions(t.studio, "metric_import.")).toEqual([
      "metric_import.preview",
      "metric_import.discard",
      "metric_import.apply",
    ]);
  });

  it("refuses a wrong file type and an oversized file with a clear message, storing nothing", async () => {
    const s = await importStudio(t.studio);
    const before = importSnapshot(t.studio);
    const xlsx = await upload(
      s.analyst.cookie,
      new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0])]),
      "作品数据.xlsx",
    );
    expect(xlsx.status).toBe(415);
    expect((await xlsx.json()).errors.file).toBe(
      "这是 Excel 工作簿（.xlsx）：请在 Excel 里“另存为 CSV”后再导入。",
    );
    const pdf = await upload(s.analyst.cookie, new Blob(["%PDF-1.4 ..."]), "report.pdf");
    expect((await pdf.json()).errors.file).toBe("只能导入 CSV 文件（.csv）：请从平台后台导出 CSV。");
    const png = await upload(s.analyst.cookie, new Blob([utf8(goodRows())]), "export.png");
    expect(png.status).toBe(415);
    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x31);
    const tooBig = await upload(s.analyst.cookie, new Blob([big]), "big.csv");
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).errors.file).toBe("CSV 文件不能超过 5 MB。");
    const english = await callRoute(
      uploadAction,
      new Request("http://localhost/imports/new", {
        method: "POST",
        body: (() => {
          const f = new FormData();
          f.set("platform", "douyin-main");
          f.set("asOf", AS_OF);
          f.set("file", new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], "x.xlsx"));
          return f;
        })(),
        headers: { Cookie: `${s.analyst.cookie}; lang=en` },
      }),
    );
    expect((await english.json()).errors.file).toBe(
      "This is an Excel workbook (.xlsx): save it as CSV in Excel, then import it.",
    );
    const empty = await upload(s.analyst.cookie, new Blob([]), "empty.csv");
    expect((await empty.json()).errors.file).toBe("文件是空的，请重新上传。");
    const noPlatform = await upload(s.analyst.cookie, new Blob([utf8(goodRows())]), "a.csv", {
      platform: "weibo",
    });
    expect((await noPlatform.json()).errors.platform).toBeDefined();
    const future = await upload(s.analyst.cookie, new Blob([utf8(goodRows())]), "a.csv", {
      asOf: "2026-03-05",
    });
    expect((await future.json()).errors.asOf).toBe("数据日期 2026-03-05 晚于今天（2026-03-02）。");
    const badDay = await upload(s.analyst.cookie, new Blob([utf8(goodRows())]), "a.csv", {
      asOf: "2026-02-30",
    });
    expect((await badDay.json()).errors.asOf).toBe("不是有效的日期");
    expect(importSnapshot(t.studio)).toEqual(before);
  });

  it("an analyst imports; a copywriter gets 403 on the pages and the API", async () => {
    const s = await importStudio(t.studio);
    expect((await postImport({ Cookie: s.copy.cookie }, gbk(goodRows()))).status).toBe(403);
    expect((await upload(s.copy.cookie, new Blob([gbk(goodRows())]), "a.csv")).status).toBe(403);
    expect((await s.copy.get(historyLoader, "/imports")).status).toBe(403);
    expect((await s.copy.get(aliasesLoader, "/imports/aliases")).status).toBe(403);
    const alias = await s.copy.form(aliasesAction, "/imports/aliases", {
      intent: "create",
      alias: "播放",
      field: "plays",
    });
    expect(alias.status).toBe(403);
    expect(importSnapshot(t.studio)).toMatchObject({ imports: 0, figures: 0 });
    expect((await postImport({ Cookie: s.analyst.cookie }, gbk(goodRows()))).status).toBe(201);
  });

  it("works with a bearer token: multipart upload, the history, one import", async () => {
    const s = await importStudio(t.studio);
    const created = createApiToken({
      db: t.studio.db,
      actor: s.analyst.actor,
      name: "BI 同步",
      userId: s.analyst.actor.id,
      now: NOW,
    });
    if (!created.ok) throw new Error(created.message);
    const auth = { Authorization: `Bearer ${created.token}` };
    const form = new FormData();
    form.set("platform", "douyin-main");
    form.set("asOf", AS_OF);
    form.set("file", new File([gbk(goodRows())], "douyin.csv"));
    const res = await postImport(auth, form, { platform: "", asOf: "" }, { type: null });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.import).toMatchObject({
      fileName: "douyin.csv",
      written: 3,
      createdBy: s.analyst.actor.name,
    });
    const list = await (await callRoute(apiList, getRequest("/api/v1/imports", auth))).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([body.import.id]);
    const { loader: one } = await import("~/routes/api.v1.imports.$id");
    const detail = await (
      await callRoute(one, getRequest(`/api/v1/imports/${body.import.id}`, auth), {
        id: String(body.import.id),
      })
    ).json();
    expect(detail.rows.map((r: { row: number; plays: number }) => [r.row, r.plays])).toEqual([
      [3, 12_000],
      [4, 3456],
      [5, 123_000],
    ]);
    // A bad token and a body of the wrong type.
    expect((await postImport({ Authorization: "Bearer nope" }, gbk(goodRows()))).status).toBe(401);
    const json = await postImport(auth, JSON.stringify({ rows: [] }), {}, { type: "application/json" });
    expect(json.status).toBe(415);
    const badQuery = await postImport(auth, gbk(goodRows()), { asOf: "yesterday" });
    expect((await badQuery.json()).error).toMatchObject({ code: "invalid_query", field: "asOf" });
  });
});

describe("the alias table", () => {
  it("edited aliases change how the next export is read; each change is audited", async () => {
    const s = await importStudio(t.studio);
    const rows = [
      ["标题", "曝光播放", "完播率"],
      ["车主故事：第一次买车的应届生", "1,234", "20%"],
    ];
    const dry = async () =>
      (await postImport({ Cookie: s.analyst.cookie }, utf8(rows), { dryRun: "1" })).json();
    expect((await dry()).error.code).toBe("import_no_figures");

    const act = (fields: Record<string, string>) => s.analyst.form(aliasesAction, "/imports/aliases", fields);
    const created = await act({ intent: "create", alias: " 曝光播放 ", field: "plays" });
    expect((await created.json()).notice).toBe("已添加别名。");
    expect((await dry()).preview.rows[0].figures.plays).toBe(1234);
    // The same header again (case, spaces and full-width forms aside) is refused.
    const twice = await act({ intent: "create", alias: "曝光播放", field: "reads" });
    expect(twice.status).toBe(409);
    expect((await twice.json()).errors.alias).toBe("列名“曝光播放”已经有别名。");
    const blank = await act({ intent: "create", alias: "  ", field: "plays" });
    expect((await blank.json()).errors.alias).toBe("请填写列名");
    const badField = await act({ intent: "create", alias: "播放率", field: "revenue" });
    expect((await badField.json()).errors.field).toBeDefined();

    const alias = t.studio.db
      .select()
      .from(schema.metricAliases)
      .where(eq(schema.metricAliases.alias, "曝光播放"))
      .get()!;
    await act({ intent: "update", aliasId: String(alias.id), alias: "曝光播放", field: "reads" });
    const reread = (await dry()).preview.rows[0].figures;
    expect([reread.plays, reread.reads]).toEqual([null, 1234]);

    const rate = t.studio.db
      .select()
      .from(schema.metricAliases)
      .where(eq(schema.metricAliases.alias, "完播率"))
      .get()!;
    await act({ intent: "delete", aliasId: String(rate.id) });
    const after = (await dry()).preview;
    expect(after.ignoredColumns).toEqual(["完播率"]);
    expect(after.rows[0].figures.completionRate).toBeNull();
    const list = await (await s.analyst.get(aliasesLoader, "/imports/aliases")).json();
    expect(list.aliases.some((a: { alias: string }) => a.alias === "完播率")).toBe(false);
    expect(auditActions(t.studio, "metric_alias.")).toEqual([
      "metric_alias.seed_defaults",
      "metric_alias.create",
      "metric_alias.update",
      "metric_alias.delete",
    ]);
    const missing = await act({ intent: "delete", aliasId: "99999" });
    expect(missing.status).toBe(404);
  });
});

describe("the API description", () => {
  it("lists the import operations", async () => {
    const { buildOpenApiDocument } = await import("~/modules/api/openapi");
    const { apiOperations } = await import("~/modules/api/operations");
    const doc = buildOpenApiDocument(apiOperations) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/api/v1/imports"]).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/api/v1/imports/{id}"]).sort()).toEqual(["delete", "get"]);
  });
});

describe("a studio started without the demo", () => {
  it("writes the default aliases on the first import, once, even when that import is refused", async () => {
    const s = await importStudio(t.studio);
    // As if the studio had never read an export: no aliases, no marker.
    t.studio.db.delete(schema.metricAliases).run();
    t.studio.db.delete(schema.appMeta).where(eq(schema.appMeta.key, "metric_aliases:defaults")).run();
    const refused = await postImport({ Cookie: s.analyst.cookie }, gbk(goodRows(["1.2万", "x", "1"])));
    expect(refused.status).toBe(400);
    expect(importSnapshot(t.studio)).toMatchObject({ imports: 0, figures: 0 });
    expect((await postImport({ Cookie: s.analyst.cookie }, gbk(goodRows()))).status).toBe(201);
    expect(t.studio.db.select().from(schema.metricAliases).all().length).toBeGreaterThan(40);
    expect(auditActions(t.studio, "metric_")).toEqual([
      "metric_alias.seed_defaults",
      "metric_alias.seed_defaults",
      "metric_import.apply",
    ]);
  });
});
