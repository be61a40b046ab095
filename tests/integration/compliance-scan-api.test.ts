import { count, max } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { SCAN_TEXT_MAX, type Finding, type ScanTerm } from "~/modules/compliance/compliance-types";
import { currentCompiledLibrary, invalidateLibraryCache } from "~/modules/compliance/library-cache.server";
import { action as scanAction, loader as scanLoader } from "~/routes/api.v1.compliance.scan";
import { loader as openapi } from "~/routes/api.v1.openapi[.]json";
import {
  getRequest,
  jsonRequest,
  respond,
  routeArgs as args,
  signedInUser,
  withTestStudio,
} from "../setup/test-studio";

const t = withTestStudio();

type Entry = Omit<ScanTerm, "id">;

const entry = (over: Partial<Entry>): Entry => ({
  term: null,
  pattern: null,
  category: "absolute",
  severity: "block",
  reason: "绝对化用语",
  basis: "《广告法》第九条",
  suggestion: "删除或改为可证实的表述",
  allowedContexts: [],
  ...over,
});

const LIBRARY: Entry[] = [
  entry({ term: "最佳" }),
  entry({ term: "国内第一" }),
  entry({ term: "第一", allowedContexts: ["第一次"], severity: "review" }),
  entry({ pattern: String.raw`100\s*[%％]`, category: "quality", reason: "绝对化承诺" }),
];

/** Writes terms the way the library does: the rows, then a new version holding them all. */
function writeLibrary(entries: Entry[]): number {
  const db = t.studio.db;
  const now = t.studio.now();
  for (const e of entries)
    db.insert(schema.complianceTerms)
      .values({ ...e, createdAt: now, updatedAt: now })
      .run();
  const version =
    (db
      .select({ v: max(schema.termLibraryVersions.version) })
      .from(schema.termLibraryVersions)
      .get()?.v ?? 0) + 1;
  const terms = db.select().from(schema.complianceTerms).all();
  db.insert(schema.termLibraryVersions)
    .values({
      version,
      cause: version === 1 ? "seed" : "create",
      termCount: terms.length,
      terms: terms.map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }) => rest),
      createdAt: now,
    })
    .run();
  return version;
}

function scan(body: unknown, headers: Record<string, string>) {
  return respond(() => scanAction(args(jsonRequest("/api/v1/compliance/scan", "POST", body, headers))));
}

/** What a scan could leave behind, if it wrote anything. */
function storedCounts() {
  const db = t.studio.db;
  return [schema.auditLog, schema.complianceTerms, schema.termLibraryVersions, schema.pieceChecks].map(
    (table) => db.select({ n: count() }).from(table).get()!.n,
  );
}

describe("POST /api/v1/compliance/scan", () => {
  it("finds the library's terms through spaces, zero-width, full-width and traditional characters", async () => {
    const version = writeLibrary(LIBRARY);
    const { cookie } = await signedInUser(t.studio, ["copywriter"]);
    const text = "🚗 本店口碑國內第一，最\u200b佳 选择！第一次到店满意度１００ ％。";
    const res = await scan({ text }, { Cookie: cookie });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { findings: Finding[]; termsVersion: number };
    expect(body.termsVersion).toBe(version);
    expect(body.findings.map((f) => [f.term, f.match, text.slice(f.start, f.end)])).toEqual([
      ["国内第一", "國內第一", "國內第一"],
      ["第一", "第一", "第一"],
      ["最佳", "最\u200b佳", "最\u200b佳"],
      [String.raw`100\s*[%％]`, "１００ ％", "１００ ％"],
    ]);
    const [first] = body.findings;
    expect(first).toMatchObject({
      category: "absolute",
      severity: "block",
      reason: "绝对化用语",
      basis: "《广告法》第九条",
      suggestion: "删除或改为可证实的表述",
    });
    expect(typeof first!.termId).toBe("number");
  });

  it("scans against the new library as soon as its version changes", async () => {
    writeLibrary(LIBRARY);
    const { cookie } = await signedInUser(t.studio, ["editor"]);
    const text = "保值率全网最高";
    const before = await (await scan({ text }, { Cookie: cookie })).json();
    expect(before.findings).toEqual([]);
    const version = writeLibrary([entry({ term: "全网最高" })]);
    expect(currentCompiledLibrary(t.studio.db).version).toBe(version);
    const after = await (await scan({ text }, { Cookie: cookie })).json();
    expect(after).toMatchObject({
      termsVersion: version,
      findings: [{ term: "全网最高", start: 3, end: 7 }],
    });
  });

  it("answers an empty text, and a library never written, with no findings", async () => {
    const { cookie } = await signedInUser(t.studio, ["host"]);
    expect(await (await scan({ text: "最佳" }, { Cookie: cookie })).json()).toEqual({
      findings: [],
      termsVersion: 0,
    });
    writeLibrary(LIBRARY);
    const res = await scan({ text: "" }, { Cookie: cookie });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ findings: [], termsVersion: 1 });
  });

  it("refuses a role without the capability, and nobody signed in, before reading the body", async () => {
    writeLibrary(LIBRARY);
    const { cookie } = await signedInUser(t.studio, ["analyst"]);
    const refused = await scan("{not json", { Cookie: cookie });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    const anonymous = await scan({ text: "最佳" }, {});
    expect(anonymous.status).toBe(401);
  });

  it("refuses a text over the limit with 413, in the reader's language, storing nothing", async () => {
    writeLibrary(LIBRARY);
    const { cookie } = await signedInUser(t.studio, ["copywriter"]);
    const before = storedCounts();
    const tooLong = "最佳".repeat(SCAN_TEXT_MAX / 2) + "。";
    const res = await scan({ text: tooLong }, { Cookie: cookie });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toEqual({
      code: "text_too_long",
      message: `文本有 ${SCAN_TEXT_MAX + 1} 个字符，最多 ${SCAN_TEXT_MAX} 个。`,
      field: "text",
    });
    const english = await scan({ text: tooLong }, { Cookie: `${cookie}; lang=en` });
    expect((await english.json()).error.message).toBe(
      `The text has ${SCAN_TEXT_MAX + 1} characters; at most ${SCAN_TEXT_MAX} are checked.`,
    );
    expect(storedCounts()).toEqual(before);
    // Exactly at the limit is scanned.
    const atLimit = await scan({ text: "最佳".repeat(SCAN_TEXT_MAX / 2) }, { Cookie: cookie });
    expect(atLimit.status).toBe(200);
    expect((await atLimit.json()).findings).toHaveLength(SCAN_TEXT_MAX / 2);
  });

  it("refuses malformed bodies with 400 and the failing field", async () => {
    const { cookie } = await signedInUser(t.studio, ["copywriter"]);
    const badJson = await scan("{text: 最佳", { Cookie: cookie });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error.code).toBe("invalid_json");
    for (const body of [{}, { text: 42 }, { text: null }, ["最佳"]]) {
      const res = await scan(body, { Cookie: cookie });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.code).toBe("invalid_body");
    }
    const missing = await (await scan({}, { Cookie: cookie })).json();
    expect(missing.error.field).toBe("text");
    const plain = await respond(() =>
      scanAction(
        args(
          new Request("http://localhost/api/v1/compliance/scan", {
            method: "POST",
            body: JSON.stringify({ text: "最佳" }),
            headers: { "Content-Type": "text/plain", Cookie: cookie },
          }),
        ),
      ),
    );
    expect(plain.status).toBe(415);
  });

  it("answers GET and other methods with 405", async () => {
    const { cookie } = await signedInUser(t.studio, ["copywriter"]);
    const get = await respond(() =>
      scanLoader(args(getRequest("/api/v1/compliance/scan", { Cookie: cookie }))),
    );
    expect(get.status).toBe(405);
    expect((await get.json()).error.code).toBe("method_not_allowed");
    const put = await respond(() =>
      scanAction(args(jsonRequest("/api/v1/compliance/scan", "PUT", { text: "最佳" }, { Cookie: cookie }))),
    );
    expect(put.status).toBe(405);
  });

  it("is in the API document with its body and answer", async () => {
    const { cookie } = await signedInUser(t.studio, ["copywriter"]);
    const doc = await (
      await respond(() => openapi(args(getRequest("/api/v1/openapi.json", { Cookie: cookie }))))
    ).json();
    const operation = doc.paths["/api/v1/compliance/scan"].post;
    expect(operation.description).toContain("compliance.scan");
    expect(operation.requestBody.content["application/json"].schema.required).toEqual(["text"]);
    const answer = operation.responses[200].content["application/json"].schema;
    expect(answer.properties.findings.items.properties.severity.enum).toEqual(["block", "review"]);
  });
});

describe("the compiled library cache", () => {
  it("compiles once per version, again after invalidation, and keeps nothing compiled inside a transaction", () => {
    const db = t.studio.db;
    writeLibrary(LIBRARY);
    const first = currentCompiledLibrary(db);
    expect(first.version).toBe(1);
    expect(first.lib.size).toBe(LIBRARY.length);
    expect(currentCompiledLibrary(db)).toBe(first);
    invalidateLibraryCache();
    const again = currentCompiledLibrary(db);
    expect(again).not.toBe(first);
    expect(again.version).toBe(1);

    // A change the transaction rolls back leaves the cache on the committed library.
    expect(() =>
      db.transaction((tx) => {
        const now = t.studio.now();
        tx.insert(schema.complianceTerms)
          .values({ ...entry({ term: "稳赚" }), createdAt: now, updatedAt: now })
          .run();
        tx.insert(schema.termLibraryVersions)
          .values({ version: 2, cause: "create", termCount: 5, terms: [], createdAt: now })
          .run();
        expect(currentCompiledLibrary(tx).version).toBe(2);
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    expect(currentCompiledLibrary(db)).toBe(again);
    const version = writeLibrary([entry({ term: "包赚" })]);
    expect(version).toBe(2);
    expect(currentCompiledLibrary(db).lib.size).toBe(LIBRARY.length + 1);
  });
});
