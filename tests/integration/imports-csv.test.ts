import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { currentPlatformMetrics } from "~/modules/metrics-import/current-platform-metrics.server";
import { toCsv } from "~/lib/csv";
import { action as undoAction } from "~/routes/api.v1.imports.$id";
import { callRoute, withTestStudio } from "../setup/test-studio";
import {
  auditActions,
  AS_OF,
  gbk,
  goodRows,
  importSnapshot,
  importStudio,
  NOW,
  postImport,
  utf8,
} from "./imports-helpers";

const t = withTestStudio({ now: () => NOW });

describe("a platform export imported through POST /api/v1/imports", () => {
  it("imports a GBK export all at once: links, ids and titles matched, figures read as the platforms write them", async () => {
    const s = await importStudio(t.studio);
    const res = await postImport({ Cookie: s.analyst.cookie }, gbk(goodRows()), {
      fileName: "抖音作品数据.csv",
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.import).toMatchObject({
      status: "applied",
      platform: "douyin-main",
      encoding: "gb18030",
      asOfDay: AS_OF,
      rowCount: 3,
      written: 3,
      fileName: "抖音作品数据.csv",
    });
    expect(body.counts).toMatchObject({
      rows: 3,
      ready: 3,
      byUrl: 1,
      byPlatformId: 1,
      byTitle: 1,
      blocked: 0,
    });

    const current = currentPlatformMetrics({
      db: t.studio.db,
      pieceIds: Object.values(s.pieces).map((p) => p.id),
    });
    expect(current).toHaveLength(3);
    const of = (id: number) => current.find((c) => c.pieceId === id)!;
    expect(of(s.pieces.byLink.id)).toMatchObject({
      plays: 12_000,
      completionRate: 0.235,
      avgWatchSeconds: 23,
      likes: 1024,
      comments: 56,
      shares: 12,
      slotId: s.slots.byLink,
      platform: "douyin-main",
    });
    expect(of(s.pieces.byId.id)).toMatchObject({
      plays: 3456,
      completionRate: 0.31,
      avgWatchSeconds: 18,
      slotId: s.slots.byId,
    });
    expect(of(s.pieces.byTitle.id)).toMatchObject({
      plays: 123_000,
      completionRate: 0.41,
      avgWatchSeconds: 65,
      likes: 1100,
      comments: null,
      shares: null,
    });
    expect(auditActions(t.studio, "metric_import.")).toEqual(["metric_import.apply"]);
  });

  it("a GBK export with one bad row imports nothing and names the row, in the caller's language", async () => {
    const s = await importStudio(t.studio);
    const rows = goodRows(["1.2万", "三千", "12.3w"]);
    const before = importSnapshot(t.studio);
    const res = await postImport({ Cookie: s.analyst.cookie }, gbk(rows));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("import_row");
    // The header is on line 2 (a note line above it), so the bad row is line 4.
    expect(error.message).toBe("第 4 行：“播放量”的值“三千”不是数字");
    expect(importSnapshot(t.studio)).toEqual(before);

    const en = await postImport({ Cookie: s.analyst.cookie, "Accept-Language": "en" }, gbk(rows));
    expect((await en.json()).error.message).toBe("Row 4: “播放量” holds “三千”, which is not a number");
    expect(importSnapshot(t.studio)).toEqual(before);
  });

  it("several bad rows: the first is named with how many more and which", async () => {
    const s = await importStudio(t.studio);
    const rows = goodRows(["1.2万", "abc", "12.3w"]);
    rows[4][5] = "140%";
    rows.push(["不在工作室里的旧视频", "2025-01-01", "", "", "999", "", "", "", "", "", "视频"]);
    const res = await postImport({ Cookie: s.analyst.cookie }, gbk(rows));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe(
      "第 4 行：“播放量”的值“abc”不是数字（另有 2 行有问题：4, 5, 6）",
    );
  });

  it("a second import then an undo of the second brings the first one's figures back", async () => {
    const s = await importStudio(t.studio);
    const first = await (await postImport({ Cookie: s.analyst.cookie }, gbk(goodRows()))).json();
    const second = await postImport({ Cookie: s.analyst.cookie }, gbk(goodRows(["2.5万", "5,000", "20w"])), {
      asOf: "2026-03-02",
    });
    expect(second.status).toBe(201);
    const secondId = (await second.json()).import.id;
    const plays = () =>
      currentPlatformMetrics({ db: t.studio.db })
        .map((c) => [c.pieceId, c.plays ?? 0, c.importId])
        .sort((a, b) => a[0] - b[0]);
    expect(plays().map((p) => p[1])).toEqual([25_000, 5000, 200_000]);

    const undo = () =>
      callRoute(
        undoAction,
        new Request(`http://localhost/api/v1/imports/${secondId}`, {
          method: "DELETE",
          headers: { Cookie: s.analyst.cookie },
        }),
        { id: String(secondId) },
      );
    const undone = await undo();
    expect(undone.status).toBe(200);
    expect((await undone.json()).import).toMatchObject({ status: "undone" });
    expect(plays()).toEqual(plays().map(([id]) => [id, expect.any(Number), first.import.id]));
    expect(plays().map((p) => p[1])).toEqual([12_000, 3456, 123_000]);
    // An undone import cannot be undone twice.
    const again = await undo();
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("import_not_applied");
    expect(auditActions(t.studio, "metric_import.")).toEqual([
      "metric_import.apply",
      "metric_import.apply",
      "metric_import.undo",
    ]);
    // A date range of as-of days: as of 1 March the first import is current.
    expect(
      currentPlatformMetrics({ db: t.studio.db, to: AS_OF }).every((c) => c.importId === first.import.id),
    ).toBe(true);
  });

  it("detects UTF-8 with a BOM, plain UTF-8 and GB18030 (characters GBK lacks)", async () => {
    const s = await importStudio(t.studio);
    const rows = goodRows();
    const dry = async (bytes: Uint8Array<ArrayBuffer>) => {
      const res = await postImport({ Cookie: s.analyst.cookie }, bytes, { dryRun: "1" });
      expect(res.status).toBe(200);
      return (await res.json()).preview;
    };
    expect((await dry(utf8(rows, true))).encoding).toBe("utf-8-bom");
    expect((await dry(utf8(rows))).encoding).toBe("utf-8");
    // 𠮷 is in GB18030's four-byte range, not in GBK.
    const gb18030 = new Uint8Array(
      iconv.encode(toCsv([...rows, ["𠮷野家探店", "", "", "", "10", "", "", "", "", "", ""]]), "gb18030"),
    );
    const preview = await dry(gb18030);
    expect(preview.encoding).toBe("gb18030");
    expect(preview.rows.at(-1).title).toBe("𠮷野家探店");
    expect(preview.rows.at(-1).problems[0]).toMatchObject({ problem: "unmatched" });
    // A dry run stores nothing.
    expect(importSnapshot(t.studio)).toMatchObject({ imports: 0, figures: 0 });
  });

  it("lists unknown columns as ignored, and refuses a file without a plays or reads column", async () => {
    const s = await importStudio(t.studio);
    const res = await postImport({ Cookie: s.analyst.cookie }, gbk(goodRows()), { dryRun: "1" });
    const { preview } = await res.json();
    expect(preview.ignoredColumns).toEqual(["体裁"]);
    expect(preview.columns.find((c: { header: string }) => c.header === "完播率").field).toBe(
      "completion_rate",
    );

    const before = importSnapshot(t.studio);
    const noPlays = await postImport(
      { Cookie: s.analyst.cookie },
      gbk([
        ["作品名称", "点赞量"],
        ["车主故事：第一次买车的应届生", "12"],
      ]),
    );
    expect(noPlays.status).toBe(400);
    expect((await noPlays.json()).error).toMatchObject({ code: "import_no_figures", field: "file" });
    const empty = await postImport({ Cookie: s.analyst.cookie }, gbk([["作品名称", "播放量"]]));
    expect((await empty.json()).error.message).toBe("文件里没有数据行。");
    expect(importSnapshot(t.studio)).toEqual(before);
  });

  it("matches rows by hand or skips them; an unknown piece and two rows on one piece are refused", async () => {
    const s = await importStudio(t.studio);
    const rows = goodRows();
    rows.push(["平台上的标题完全不同", "2026-02-28 19:00", "", "", "800", "10%", "9", "1", "0", "0", "视频"]);
    rows.push(["合计", "", "", "", "14万", "", "", "", "", "", ""]);
    const unmatched = await postImport({ Cookie: s.analyst.cookie }, gbk(rows));
    expect((await unmatched.json()).error.message).toBe(
      "第 6 行：没有找到对应的内容：请手动选择，或跳过此行（另有 1 行有问题：6, 7）",
    );
    const unknown = await postImport({ Cookie: s.analyst.cookie }, gbk(rows), {
      match: ["6:99999", "7:skip"],
    });
    expect((await unknown.json()).error.message).toBe("第 6 行：选择的内容（ID 99999）不存在");
    const twice = await postImport({ Cookie: s.analyst.cookie }, gbk(rows), {
      match: [`6:${s.pieces.byTitle.id}`, "7:skip"],
    });
    expect((await twice.json()).error.message).toBe("第 6 行：与第 5 行对应同一条内容");
    expect(importSnapshot(t.studio)).toMatchObject({ imports: 0, figures: 0 });

    const done = await postImport({ Cookie: s.analyst.cookie }, gbk(rows), {
      match: [`6:${s.pieces.spare.id}`, "7:skip"],
    });
    expect(done.status).toBe(201);
    expect((await done.json()).counts).toMatchObject({ rows: 5, ready: 4, skipped: 1, byManual: 1 });
    const spare = currentPlatformMetrics({ db: t.studio.db, pieceIds: [s.pieces.spare.id] });
    expect(spare).toEqual([
      expect.objectContaining({ plays: 800, completionRate: 0.1, avgWatchSeconds: 9, slotId: null }),
    ]);
    expect(
      t.studio.db
        .select()
        .from(schema.platformMetrics)
        .all()
        .map((r) => r.rowNumber),
    ).toEqual([3, 4, 5, 6]);
  });
});
