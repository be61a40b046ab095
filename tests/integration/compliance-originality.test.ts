import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import type { Studio } from "~/lib/studio.server";
import type { Actor } from "~/modules/auth/actor";
import { SCAN_TEXT_MAX, type OriginalityResult } from "~/modules/compliance/compliance-types";
import { addBoilerplateLine } from "~/modules/compliance/originality/add-boilerplate-line.server";
import { checkOriginality } from "~/modules/compliance/originality/check-originality.server";
import { indexPieceCopy } from "~/modules/compliance/originality/index-piece-copy.server";
import { sampleCopy } from "~/modules/compliance/originality/sample-copy";
import { setOriginalityThreshold } from "~/modules/compliance/originality/set-originality-threshold.server";
import { normalizeForMatch } from "~/modules/compliance/scanner/normalize";
import { pieceCopy } from "~/modules/compliance/piece-copy.server";
import { createPiece } from "~/modules/pieces/create-piece.server";
import type { PieceKind } from "~/modules/pieces/status-machine";
import {
  action as originalityAction,
  loader as originalityLoader,
} from "~/routes/api.v1.compliance.originality";
import { loader as openapi } from "~/routes/api.v1.openapi[.]json";
import { seedDemoData } from "../../db/seed";
import { callRoute, getRequest, getStatus, jsonRequest, withStudio } from "../setup/test-studio";
import { scriptLinesOf } from "../setup/pieces";

const t = withStudio({ now: () => new Date("2026-06-10T04:00:00Z") });

const PARAGRAPH =
  "凌晨两点，夜班技师老张拆开刹车卡钳，原厂刹车片与副厂件的差别一目了然：原厂件的摩擦材料均匀致密，制动时噪音小、粉尘少，" +
  "而副厂件往往在高温下衰减明显，刹车距离会悄悄变长。建议车主每1万公里检查一次刹车片厚度，低于三毫米就要及时更换。";

const normal = (text: string) => normalizeForMatch(text).text;

/** A piece made through the real use case and written to the index, as submitting does. */
function indexedPiece(
  studio: Studio,
  owner: Actor,
  input: { kind?: PieceKind; title?: string; body: string; columnId?: number },
): number {
  const created = createPiece({
    db: studio.db,
    actor: owner,
    input: {
      kind: input.kind ?? "article",
      title: input.title ?? "文章",
      body: input.body,
      columnId: input.columnId,
    },
    now: studio.now(),
  });
  if (!created.ok) throw new Error(created.message);
  studio.db.transaction((tx) => indexPieceCopy({ tx, pieceId: created.pieceId }));
  return created.pieceId;
}

async function post(cookie: string, body: unknown, headers: Record<string, string> = {}) {
  return callRoute(
    originalityAction,
    jsonRequest("/api/v1/compliance/originality", "POST", body, { Cookie: cookie, ...headers }),
  );
}

describe("originality check", () => {
  it("finds a paragraph copied into a longer text, and marks it in both texts at the same passage", async () => {
    const { actor } = await t.signIn("copywriter");
    const older = sampleCopy(1, 500) + PARAGRAPH + sampleCopy(2, 600);
    const source = indexedPiece(t.studio, actor, { title: "深夜修车铺 文案", body: older });
    for (let i = 0; i < 30; i++) indexedPiece(t.studio, actor, { body: sampleCopy(100 + i, 1_200) });

    // Pasted with spaces after the commas, full-width digits and a traditional character.
    const pasted = PARAGRAPH.replace(/，/g, "， ").replace("1万", "１万").replace("刹车卡钳", "剎車卡鉗");
    const text = sampleCopy(3, 700) + pasted + sampleCopy(4, 650);
    expect(text.length).toBeGreaterThanOrEqual(1_450);
    const result = checkOriginality({ db: t.studio.db, text, kind: "article", columnId: null });

    expect(result.similar.map((s) => s.pieceId)).toEqual([source]);
    const [similar] = result.similar;
    expect(similar).toMatchObject({ title: "深夜修车铺 文案", kind: "article", text: older });
    expect(similar.passages).toHaveLength(1);
    const [p] = similar.passages;
    expect(p.start).toBe(text.indexOf("凌晨两点"));
    expect(p.otherStart).toBe(older.indexOf("凌晨两点"));
    expect(text.slice(p.start, p.end)).toContain("剎車卡鉗");
    expect(normal(text.slice(p.start, p.end))).toBe(normal(older.slice(p.otherStart, p.otherEnd)));
    expect(normal(text.slice(p.start, p.end))).toBe(normal(PARAGRAPH));
    const share = normal(PARAGRAPH).length / normal(text).length;
    expect(result.score).toBeCloseTo(1 - share, 3);
    expect(result.score!).toBeLessThan(0.95);
  });

  it("scores an original text at 0.9 or more, and compares only with pieces created before the checked one", async () => {
    const { actor } = await t.signIn("copywriter");
    for (let i = 0; i < 10; i++) indexedPiece(t.studio, actor, { body: sampleCopy(200 + i, 1_500) });
    const original = sampleCopy(300, 1_500);
    expect(checkOriginality({ db: t.studio.db, text: original, kind: "article" })).toMatchObject({
      passes: true,
      threshold: 0.9,
      similar: [],
    });
    expect(
      checkOriginality({ db: t.studio.db, text: original, kind: "article" }).score,
    ).toBeGreaterThanOrEqual(0.9);

    // A copies nothing; B, made later, copies A. A's check never sees B; B's sees A.
    const a = indexedPiece(t.studio, actor, { body: sampleCopy(400, 800) });
    const b = indexedPiece(t.studio, actor, { body: sampleCopy(401, 300) + sampleCopy(400, 800) });
    const checkA = checkOriginality({
      db: t.studio.db,
      text: pieceCopy({ db: t.studio.db, pieceId: a })!.text,
      kind: "article",
      pieceId: a,
    });
    expect(checkA).toMatchObject({ score: 1, similar: [] });
    const checkB = checkOriginality({
      db: t.studio.db,
      text: pieceCopy({ db: t.studio.db, pieceId: b })!.text,
      kind: "article",
      pieceId: b,
    });
    expect(checkB.similar.map((s) => s.pieceId)).toEqual([a]);
    expect(checkB.passes).toBe(false);
  });

  it("leaves the column's outro line and declared boilerplate out of the score", async () => {
    const { actor } = await t.signIn("copywriter");
    const editor = await t.signIn("editor");
    const column = t.studio.db
      .insert(schema.columns)
      .values({
        slug: "late-night-garage",
        name: "深夜修车铺",
        episodeTarget: 20,
        durationSeconds: 60,
        outroLine: "原厂零件，夜里也靠得住",
        mixCategory: "用车技巧",
      })
      .returning()
      .get();
    const disclaimer = "以上活动最终解释权在法律允许范围内归本店所有，详询门店销售顾问。";
    const address = "门店地址：本市开发区汽车大道88号，营业时间每天九点至二十一点。";
    const tail = `${disclaimer}\n${address}\n${column.outroLine}`;
    indexedPiece(t.studio, actor, {
      kind: "episode",
      body: sampleCopy(500, 300) + tail,
      columnId: column.id,
    });
    const text = sampleCopy(501, 300) + tail;

    const before = checkOriginality({ db: t.studio.db, text, kind: "episode", columnId: column.id });
    expect(before.score!).toBeLessThan(0.9);
    for (const [line, columnId] of [
      [disclaimer, null],
      [address, column.id],
    ] as const) {
      const added = addBoilerplateLine({
        db: t.studio.db,
        actor: editor.actor,
        input: { text: line, columnId },
        now: t.studio.now(),
      });
      expect(added.ok).toBe(true);
    }
    expect(checkOriginality({ db: t.studio.db, text, kind: "episode", columnId: column.id })).toMatchObject({
      score: 1,
      passes: true,
      similar: [],
    });
    // The address is this column's boilerplate only: elsewhere it still counts.
    const elsewhere = checkOriginality({ db: t.studio.db, text, kind: "article", columnId: null });
    expect(elsewhere.score!).toBeLessThan(1);
    expect(elsewhere.similar[0].passages.map((p) => text.slice(p.start, p.end)).join("")).toContain(
      "开发区汽车大道",
    );
  });

  it("checks a text under 60 characters only for near-duplicates", async () => {
    const { actor } = await t.signIn("copywriter");
    const slogan = "猜灯谜 赢保养：正月十五到店参与，答对即送基础保养一次";
    const poster = indexedPiece(t.studio, actor, { kind: "poster", body: slogan });
    indexedPiece(t.studio, actor, {
      kind: "poster",
      body: "女神节课堂：安全驾驶与简易保养，3月8日14:00开课。",
    });

    const copy = checkOriginality({
      db: t.studio.db,
      text: "猜灯谜，赢保养！正月十五到店参与，答对即送免费保养一次",
      kind: "poster",
    });
    expect(copy).toMatchObject({ score: null, nearDuplicateOf: poster, passes: false });
    expect(copy.similar[0].pieceId).toBe(poster);
    const fresh = checkOriginality({
      db: t.studio.db,
      text: "五一自驾节：48小时深度试驾，带上家人看山看海",
      kind: "poster",
    });
    expect(fresh).toMatchObject({ score: null, nearDuplicateOf: null, passes: true, similar: [] });
    // A short slogan that appears inside a long article is no near-duplicate of it.
    indexedPiece(t.studio, actor, {
      body: sampleCopy(600, 800) + "端午安康，到店送粽子礼盒" + sampleCopy(601, 800),
    });
    expect(
      checkOriginality({ db: t.studio.db, text: "端午安康，到店送粽子礼盒", kind: "poster" }).nearDuplicateOf,
    ).toBeNull();
  });

  it("uses each kind's threshold", async () => {
    const { actor } = await t.signIn("copywriter");
    const editor = await t.signIn("editor");
    indexedPiece(t.studio, actor, { body: PARAGRAPH });
    const text = sampleCopy(700, 1_300) + PARAGRAPH;
    const article = checkOriginality({ db: t.studio.db, text, kind: "article" });
    expect(article.score!).toBeGreaterThan(0.85);
    expect(article).toMatchObject({ threshold: 0.9, passes: true });

    const set = setOriginalityThreshold({
      db: t.studio.db,
      actor: editor.actor,
      kind: "article",
      threshold: 0.95,
      now: t.studio.now(),
    });
    expect(set).toMatchObject({ ok: true, threshold: 0.95 });
    expect(checkOriginality({ db: t.studio.db, text, kind: "article" })).toMatchObject({
      threshold: 0.95,
      passes: false,
    });
    expect(checkOriginality({ db: t.studio.db, text, kind: "poster" })).toMatchObject({
      threshold: 0.9,
      passes: true,
    });
  });

  it("takes each kind's copy: script lines, show blocks, chapters, a body", async () => {
    await seedDemoData({ db: t.studio.db, now: t.studio.now(), dataDir: t.dir });
    const byTitle = (title: string) =>
      t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.title, title)).get()!;

    const episode = byTitle("一分钟识车 第4集：新能源车冬季续航怎么保");
    const lines = scriptLinesOf(t.studio, episode.id);
    const episodeCopy = pieceCopy({ db: t.studio.db, pieceId: episode.id })!;
    expect(episodeCopy).toMatchObject({ kind: "episode", columnId: episode.columnId, title: episode.title });
    for (const line of lines) expect(episodeCopy.text).toContain(line.voiceover);
    // The body is the script's own copy (with the outro line); it is not counted twice.
    expect(episode.body).toContain("结尾：");
    expect(episodeCopy.text).not.toContain("结尾：");
    expect(episodeCopy.text).not.toContain(lines[0].shotNote);

    const show = byTitle("616厂价直销夜 直播脚本");
    const showRow = t.studio.db
      .select()
      .from(schema.livestreamShows)
      .where(eq(schema.livestreamShows.pieceId, show.id))
      .get()!;
    const products = t.studio.db
      .select()
      .from(schema.livestreamProducts)
      .where(eq(schema.livestreamProducts.showId, show.id))
      .all();
    const showCopy = pieceCopy({ db: t.studio.db, pieceId: show.id })!.text;
    expect(showCopy.startsWith(showRow.openingText.trim())).toBe(true);
    for (const p of products) {
      expect(showCopy.split(p.sellingPoint.trim())).toHaveLength(2);
      expect(showCopy).toContain(p.painPoint.trim());
    }
    expect(showCopy).toContain(showRow.closingText.trim());

    const book = byTitle("老司机秘籍");
    const chapters = t.studio.db
      .select()
      .from(schema.ebookChapters)
      .where(eq(schema.ebookChapters.pieceId, book.id))
      .all();
    expect(chapters.length).toBeGreaterThan(1);
    const bookCopy = pieceCopy({ db: t.studio.db, pieceId: book.id })!;
    expect(bookCopy.kind).toBe("ebook");
    for (const chapter of chapters) expect(bookCopy.text).toContain(chapter.markdown.trim().slice(0, 40));

    const poster = byTitle("女神节“她力量”课堂 报名海报");
    expect(pieceCopy({ db: t.studio.db, pieceId: poster.id })!.text).toBe(poster.body);
    expect(pieceCopy({ db: t.studio.db, pieceId: 999_999 })).toBeNull();
  });

  it("indexes the demo's submitted pieces once, and rewrites a piece's rows when asked", async () => {
    await seedDemoData({ db: t.studio.db, now: t.studio.now(), dataDir: t.dir });
    const indexed = new Set(
      t.studio.db
        .selectDistinct({ id: schema.originalityBands.pieceId })
        .from(schema.originalityBands)
        .all()
        .map((r) => r.id),
    );
    const pieces = t.studio.db.select().from(schema.pieces).all();
    const submitted = pieces.filter((p) => p.status !== "draft");
    expect(submitted.length).toBeGreaterThan(5);
    expect(submitted.every((p) => indexed.has(p.id))).toBe(true);
    expect(pieces.filter((p) => p.status === "draft").some((p) => indexed.has(p.id))).toBe(false);

    // A piece's rows follow its copy: rewritten, the old text is no longer found.
    const poster = submitted.find((p) => p.kind === "poster")!;
    const oldText = sampleCopy(900, 300);
    const setBody = (body: string) => {
      t.studio.db.update(schema.pieces).set({ body }).where(eq(schema.pieces.id, poster.id)).run();
      return t.studio.db.transaction((tx) => indexPieceCopy({ tx, pieceId: poster.id })).rows;
    };
    expect(setBody(oldText)).toBeGreaterThan(20);
    const found = (text: string) =>
      checkOriginality({ db: t.studio.db, text, kind: "poster" }).similar.some(
        (s) => s.pieceId === poster.id,
      );
    expect(found(oldText)).toBe(true);
    setBody(sampleCopy(901, 300));
    expect(found(oldText)).toBe(false);
    const rows = t.studio.db
      .select({ n: count() })
      .from(schema.originalityBands)
      .where(eq(schema.originalityBands.pieceId, poster.id))
      .get()!.n;
    expect(rows).toBeGreaterThan(20);

    // A second start indexes nothing again.
    await seedDemoData({ db: t.studio.db, now: t.studio.now(), dataDir: t.dir });
    expect(
      t.studio.db
        .select({ n: count() })
        .from(schema.originalityBands)
        .where(eq(schema.originalityBands.pieceId, poster.id))
        .get()!.n,
    ).toBe(rows);
  });
});

describe("POST /api/v1/compliance/originality", () => {
  it("answers the result for a text, and refuses bad input at its field, changing nothing", async () => {
    const writer = await t.signIn("copywriter");
    const source = indexedPiece(t.studio, writer.actor, { body: sampleCopy(800, 400) + PARAGRAPH });
    const ok = await post(writer.cookie, { text: sampleCopy(801, 300) + PARAGRAPH, kind: "article" });
    expect(ok.status).toBe(200);
    const result = (await ok.json()) as OriginalityResult;
    expect(result.similar[0]).toMatchObject({ pieceId: source });
    expect(result.score!).toBeLessThan(0.9);
    expect(result.passes).toBe(false);

    const rowsBefore = t.studio.db.select({ n: count() }).from(schema.originalityBands).get()!.n;
    const tooLong = await post(writer.cookie, { text: "长".repeat(SCAN_TEXT_MAX + 1), kind: "article" });
    expect(tooLong.status).toBe(413);
    expect((await tooLong.json()).error).toMatchObject({
      code: "text_too_long",
      message: `文本有 ${SCAN_TEXT_MAX + 1} 个字符，最多 ${SCAN_TEXT_MAX} 个。`,
    });
    const atLimit = await post(writer.cookie, { text: "长".repeat(SCAN_TEXT_MAX), kind: "article" });
    expect(atLimit.status).toBe(200);

    const badKind = await post(writer.cookie, { text: "一段文字", kind: "podcast" });
    expect(badKind.status).toBe(400);
    const badKindBody = await badKind.json();
    expect(badKindBody.error.code).toBe("invalid_body");
    expect(badKindBody.error.message).toMatch(/^kind: /);
    const empty = await post(writer.cookie, { text: "  ", kind: "article" });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toBe("text: 请提供要检查的文本");
    const badColumn = await post(writer.cookie, { text: "一段文字", kind: "episode", columnId: 9_999 });
    expect(badColumn.status).toBe(400);
    expect((await badColumn.json()).error).toMatchObject({ code: "bad_column", message: "所选栏目不存在。" });
    const badPiece = await post(writer.cookie, { text: "一段文字", kind: "article", pieceId: 9_999 });
    expect(badPiece.status).toBe(404);

    // In English for a client that asks for it.
    const english = await post(
      writer.cookie,
      { text: "长".repeat(SCAN_TEXT_MAX + 1), kind: "article" },
      { "Accept-Language": "en" },
    );
    expect((await english.json()).error.message).toBe(
      `The text has ${SCAN_TEXT_MAX + 1} characters; at most ${SCAN_TEXT_MAX} are checked.`,
    );
    expect(t.studio.db.select({ n: count() }).from(schema.originalityBands).get()!.n).toBe(rowsBefore);
  });

  it("refuses a role without compliance.scan (403) and a caller without a session (401)", async () => {
    const analyst = await t.signIn("analyst");
    const refused = await post(analyst.cookie, { text: sampleCopy(1, 200), kind: "article" });
    expect(refused.status).toBe(403);
    const anonymous = await callRoute(
      originalityAction,
      jsonRequest("/api/v1/compliance/originality", "POST", { text: "x", kind: "article" }),
    );
    expect(anonymous.status).toBe(401);
    // GET is not a check, and says so after the role check.
    const get = (cookie: string) =>
      callRoute(originalityLoader, getRequest("/api/v1/compliance/originality", { Cookie: cookie }));
    expect((await get(analyst.cookie)).status).toBe(403);
    for (const role of ["copywriter", "editor", "host", "producer"] as const) {
      const user = await t.signIn(role);
      expect((await post(user.cookie, { text: sampleCopy(2, 100), kind: "poster" })).status).toBe(200);
    }
  });

  it("is described in the API document", async () => {
    const { cookie } = await t.signIn("copywriter");
    expect(await getStatus(originalityLoader, "/api/v1/compliance/originality", cookie)).toBe(405);
    const doc = await (
      await callRoute(openapi, getRequest("/api/v1/openapi.json", { Cookie: cookie }))
    ).json();
    const operation = doc.paths["/api/v1/compliance/originality"].post;
    expect(operation.description).toContain("compliance.scan");
    expect(operation.requestBody.content["application/json"].schema.required).toEqual(["text", "kind"]);
    const answer = operation.responses[200].content["application/json"].schema;
    expect(Object.keys(answer.properties)).toEqual([
      "score",
      "threshold",
      "nearDuplicateOf",
      "similar",
      "passes",
    ]);
  });
});
