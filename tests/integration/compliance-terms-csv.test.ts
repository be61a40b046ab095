import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "~/lib/csv-bytes.server";
import { parseCsv, toCsv } from "~/lib/csv";
import { entriesToCsv } from "~/modules/compliance/terms/terms-csv";
import { loader as exportLoader } from "~/routes/api.v1.terms.export";
import { action as termsAction } from "~/routes/api.v1.terms";
import { callRoute, getRequest, jsonRequest, withStudio } from "../setup/test-studio";
import {
  entry,
  importCsv,
  libraryEntries,
  librarySnapshot,
  NOW,
  seedLibrary,
} from "./compliance-terms-helpers";

const t = withStudio({ now: () => NOW });

const HEADER = "term,pattern,category,severity,reason,basis,suggestion,allowed_contexts";

/** A small file: a term with a quoted comma and quotes, a pattern, a term with contexts. */
const FILE = [
  HEADER,
  '首选,,absolute,block,"绝对化用语，无法证实","《广告法》第九条第（三）项","写“值得考虑”",',
  ",100\\s*%,absolute,review,百分之百类表述,《广告法》第九条第（三）项,写具体比例,",
  "第一,,absolute,block,排名用语,《广告法》第九条第（三）项,删除排名,第一次|第一汽车",
].join("\r\n");

async function editor() {
  return t.signIn("editor");
}

async function exportFile(cookie: string, encoding?: string) {
  const res = await callRoute(
    exportLoader,
    getRequest(`/api/v1/terms/export${encoding ? `?encoding=${encoding}` : ""}`, { Cookie: cookie }),
  );
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("the CSV parser", () => {
  it("reads quoted fields, doubled quotes, commas and line breaks in quotes, CRLF, LF and blank lines", () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\n\n1,,3\r\n';
    const parsed = parseCsv(text);
    expect(parsed).toEqual({
      ok: true,
      records: [
        { row: 1, fields: ["a", "b", "c"] },
        { row: 2, fields: ["x, y", 'say "hi"', "two\r\nlines"] },
        { row: 4, fields: ["1", "", "3"] },
      ],
    });
    // What it writes, it reads back.
    const rows = [
      ["a,b", 'q"q', "line\nbreak", ""],
      ["plain", "最好", "", "x"],
    ];
    const again = parseCsv(toCsv(rows));
    expect(again.ok && again.records.map((r) => r.fields)).toEqual(rows);
    expect(parseCsv("a,b")).toEqual({ ok: true, records: [{ row: 1, fields: ["a", "b"] }] });
    expect(parseCsv('"",x')).toEqual({ ok: true, records: [{ row: 1, fields: ["", "x"] }] });
  });

  it("refuses what it would have to guess at, naming the row", () => {
    expect(parseCsv('a\r\nb\r\n"open,c\r\nd')).toEqual({ ok: false, problem: "unclosed_quote", row: 3 });
    expect(parseCsv('a\nb"c\n')).toEqual({ ok: false, problem: "stray_quote", row: 2 });
    expect(parseCsv('"a"b,c')).toEqual({ ok: false, problem: "text_after_quote", row: 1 });
    expect(parseCsv("a\nb\nc\n", { maxRows: 2 })).toEqual({ ok: false, problem: "too_many_rows", row: 3 });
  });

  it("decodes a BOM first, then strict UTF-8, then GB18030, and refuses UTF-16 and binary", () => {
    const text = "词条,说明\r\n最好,绝对化\r\n";
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeCsvBytes(bom)).toEqual({ ok: true, text, encoding: "utf-8-bom" });
    expect(decodeCsvBytes(new TextEncoder().encode(text))).toEqual({ ok: true, text, encoding: "utf-8" });
    expect(decodeCsvBytes(iconv.encode(text, "gbk"))).toEqual({ ok: true, text, encoding: "gb18030" });
    expect(decodeCsvBytes(iconv.encode(text, "utf16-le", { addBOM: true }))).toEqual({
      ok: false,
      reason: "utf16",
    });
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({
      ok: false,
      reason: "binary",
    });
  });
});

describe("CSV import", () => {
  it.each([
    ["UTF-8", (text: string) => new TextEncoder().encode(text), "utf-8"],
    [
      "UTF-8 with a BOM",
      (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
      "utf-8-bom",
    ],
    ["GBK", (text: string) => new Uint8Array(iconv.encode(text, "gbk")), "gb18030"],
  ])("imports a %s file as a new version", async (_name, encode, encoding) => {
    const { cookie } = await editor();
    const res = await importCsv(cookie, encode(FILE));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      mode: "merge",
      version: 1,
      changed: true,
      added: 3,
      updated: 0,
      removed: 0,
      rows: 3,
      encoding,
    });
    expect(libraryEntries(t.studio)).toEqual([
      entry({
        term: "首选",
        reason: "绝对化用语，无法证实",
        basis: "《广告法》第九条第（三）项",
        suggestion: "写“值得考虑”",
        allowedContexts: [],
      }),
      entry({
        term: null,
        pattern: "100\\s*%",
        severity: "review",
        reason: "百分之百类表述",
        basis: "《广告法》第九条第（三）项",
        suggestion: "写具体比例",
        allowedContexts: [],
      }),
      entry({
        term: "第一",
        reason: "排名用语",
        basis: "《广告法》第九条第（三）项",
        suggestion: "删除排名",
        allowedContexts: ["第一次", "第一汽车"],
      }),
    ]);
  });

  it("takes a multipart upload too, with Chinese column names in any order", async () => {
    const { cookie } = await editor();
    const form = new FormData();
    const text =
      "严重程度,词条,类别,原因,依据\nreview,包上牌,auto_plate,须写明服务内容,《汽车销售管理办法》\n";
    form.set(
      "file",
      new File([new Uint8Array(iconv.encode(text, "gbk"))], "plates.csv", { type: "text/csv" }),
    );
    const upload = await importCsv(cookie, form, { type: null });
    expect(await upload.json()).toMatchObject({ added: 1, encoding: "gb18030" });
    expect(libraryEntries(t.studio)[0]).toMatchObject({
      term: "包上牌",
      severity: "review",
      category: "auto_plate",
      suggestion: "",
    });
  });

  it("imports nothing when one row is bad, naming the row and the field", async () => {
    const { cookie } = await editor();
    seedLibrary(t.studio);
    const before = librarySnapshot(t.studio);
    const bad = [...FILE.split("\r\n"), "最划算,,price,warning,价格用语,《价格法》第十四条,写具体优惠,"].join(
      "\r\n",
    );
    const res = await importCsv(cookie, new TextEncoder().encode(bad), { mode: "replace" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({
      code: "term_import_row",
      message: "第 5 行：严重程度只能是 block 或 review",
      field: "severity",
    });
    expect(librarySnapshot(t.studio)).toEqual(before);
  });

  it.each([
    ["a term twice", `${FILE}\r\n首 选,,absolute,block,重复,依据,,`, "第 5 行：“首 选”与第 2 行重复"],
    [
      "a pattern that backtracks",
      `${HEADER}\r\n,(\\d+)+万,price,review,原因,依据,,`,
      "第 2 行：正则可能回溯失控",
    ],
    [
      "both term and pattern",
      `${HEADER}\r\n最好,\\d+,absolute,block,原因,依据,,`,
      "第 2 行：词条和正则只能填一个",
    ],
    ["neither", `${HEADER}\r\n,,absolute,block,原因,依据,,`, "第 2 行：请填写词条或正则（二选一）"],
    ["an unknown category", `${HEADER}\r\n最好,,rumour,block,原因,依据,,`, "第 2 行：类别只能是"],
    ["a missing reason", `${HEADER}\r\n最好,,absolute,block,,依据,,`, "第 2 行：请填写原因"],
    [
      "a term of 200 characters",
      `${HEADER}\r\n${"好".repeat(200)},,absolute,block,原因,依据,,`,
      "第 2 行：词条必须少于 200 个字",
    ],
    [
      "a row with more cells than the header",
      `${HEADER}\r\n最好,,absolute,block,原因,依据,,,多余`,
      "第 2 行：比表头多出 1 列",
    ],
    ["an unclosed quote", `${HEADER}\r\n最好,,absolute,block,"原因,依据,,`, "第 2 行：引号没有闭合。"],
    [
      "a stray quote",
      `${HEADER}\r\n最"好,,absolute,block,原因,依据,,`,
      "第 2 行：没有用引号括起的内容里出现了引号",
    ],
    [
      "an unknown column",
      "term,category,severity,reason,basis,colour\r\n最好,absolute,block,a,b,red",
      "第 1 行：未知的列“colour”。",
    ],
    ["a missing column", "term,category,reason,basis\r\n最好,absolute,a,b", "第 1 行：缺少列 severity。"],
    ["only a header", HEADER, "文件里没有词条。"],
    ["an empty file", "", "文件里没有词条。"],
  ])("refuses %s and changes nothing", async (_name, text, message) => {
    const { cookie } = await editor();
    seedLibrary(t.studio);
    const before = librarySnapshot(t.studio);
    const res = await importCsv(cookie, new TextEncoder().encode(text), { mode: "replace" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain(message);
    expect(librarySnapshot(t.studio)).toEqual(before);
  });

  it("says how many more rows have problems, and refuses UTF-16, oversize bodies and other body types", async () => {
    const { cookie } = await editor();
    const before = librarySnapshot(t.studio);
    const many = `${HEADER}\r\n最好,,absolute,warn,a,b,,\r\n最佳,,absolute,warn,a,b,,\r\n最优,,nope,block,a,b,,`;
    const res = await importCsv(cookie, new TextEncoder().encode(many));
    expect((await res.json()).error.message).toBe("第 2 行：严重程度只能是 block 或 review（另有 2 处问题）");
    const utf16 = await importCsv(cookie, new Uint8Array(iconv.encode(FILE, "utf16-le", { addBOM: true })));
    expect((await utf16.json()).error.code).toBe("csv_encoding");
    const big = await importCsv(cookie, new Uint8Array(2 * 1024 * 1024 + 1).fill(0x61));
    expect(big.status).toBe(413);
    expect((await big.json()).error).toMatchObject({ code: "too_large", message: "CSV 文件不能超过 2 MB。" });
    const json = await importCsv(cookie, "{}", { type: "application/json" });
    expect(json.status).toBe(415);
    const english = await importCsv(cookie, new TextEncoder().encode(many), {
      headers: { "Accept-Language": "en" },
    });
    expect((await english.json()).error.message).toBe(
      "Row 2: 严重程度只能是 block 或 review (2 more problems)",
    );
    expect(librarySnapshot(t.studio)).toEqual(before);
  });

  it("merges by term or pattern, or replaces the library", async () => {
    const { cookie } = await editor();
    seedLibrary(t.studio);
    const size = libraryEntries(t.studio).length;
    const change = `${HEADER}\r\n最好,,absolute,review,改过的原因,依据,,\r\n新词条,,price,review,原因,依据,,`;
    const merged = await (await importCsv(cookie, new TextEncoder().encode(change))).json();
    expect(merged).toMatchObject({ version: 2, added: 1, updated: 1, removed: 0, unchanged: 0 });
    expect(libraryEntries(t.studio)).toHaveLength(size + 1);
    expect(libraryEntries(t.studio).find((e) => e.term === "最好")).toMatchObject({
      severity: "review",
      reason: "改过的原因",
    });
    // The same file again changes nothing: no new version.
    const again = await (await importCsv(cookie, new TextEncoder().encode(change))).json();
    expect(again).toMatchObject({ version: 2, changed: false, unchanged: 2 });
    const replaced = await (
      await importCsv(cookie, new TextEncoder().encode(change), { mode: "replace" })
    ).json();
    expect(replaced).toMatchObject({ version: 3, removed: size - 1, unchanged: 2 });
    expect(libraryEntries(t.studio).map((e) => e.term)).toEqual(["最好", "新词条"]);
  });

  it("answers a multipart upload without a file at the file field", async () => {
    const { cookie } = await editor();
    const form = new FormData();
    form.set("mode", "merge");
    const res = await importCsv(cookie, form, { type: null });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({
      code: "no_file",
      message: "请选择要导入的 CSV 文件。",
      field: "file",
    });
  });
});

describe("CSV export", () => {
  it("writes UTF-8 with a BOM and a header row, and GBK on request; importing either gives the library back", async () => {
    const { cookie } = await editor();
    seedLibrary(t.studio);
    // A term a spreadsheet would take for a formula, and a field with a quote, a comma and a line break.
    await callRoute(
      termsAction,
      jsonRequest(
        "/api/v1/terms",
        "POST",
        entry({
          term: "+V",
          category: "off_platform",
          reason: '说"加V"，即加微信\n换行',
          allowedContexts: [],
        }),
        {
          Cookie: cookie,
        },
      ),
    );
    const library = libraryEntries(t.studio);

    const { res, bytes } = await exportFile(cookie);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="terms-v2.csv"');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[0]).toBe(HEADER);
    expect(text).toContain("'+V");
    expect(text).toContain("第一,,absolute,block,");
    expect(text).toBe(entriesToCsv(library));

    const gbk = await exportFile(cookie, "gbk");
    expect(gbk.res.headers.get("Content-Type")).toBe("text/csv; charset=gb18030");
    expect(iconv.decode(Buffer.from(gbk.bytes), "gb18030")).toBe(text);

    // Change the library, then bring the exported state back with a replace import.
    const edit = `${HEADER}\r\n只剩一条,,price,review,原因,依据,,`;
    await importCsv(cookie, new TextEncoder().encode(edit), { mode: "replace" });
    expect(libraryEntries(t.studio)).toHaveLength(1);
    const back = await (await importCsv(cookie, bytes, { mode: "replace" })).json();
    expect(back).toMatchObject({ changed: true, added: library.length, removed: 1, encoding: "utf-8-bom" });
    expect(libraryEntries(t.studio)).toEqual(library);
    const fromGbk = await (await importCsv(cookie, gbk.bytes, { mode: "replace" })).json();
    expect(fromGbk).toMatchObject({ changed: false, unchanged: library.length, encoding: "gb18030" });
    expect(libraryEntries(t.studio)).toEqual(library);
  });

  it("is refused without sign-in and answers an unknown encoding at the field", async () => {
    const { cookie } = await editor();
    expect((await exportFile("")).res.status).toBe(401);
    const bad = await exportFile(cookie, "latin1");
    expect(bad.res.status).toBe(400);
  });
});
