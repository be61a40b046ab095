import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { countArticleChars } from "~/modules/articles/article-markdown";
import { action as coverAction, loader as coverLoader } from "~/routes/api.v1.articles.$id.cover";
import { action as articleAction, loader as articleLoader } from "~/routes/api.v1.articles.$id";
import { action as createAction, loader as listLoader } from "~/routes/api.v1.articles";
import { action as transitionAction } from "~/routes/api.v1.pieces.$id.transitions";
import { loader as openapi } from "~/routes/api.v1.openapi[.]json";
import { applyCalendarChannels } from "../../db/seed-calendar";
import { applyArticleChannelRules, YICHE_ARTICLE } from "../../db/seed-articles";
import { auditRows } from "../setup/audit-entries";
import { rowCount } from "../setup/row-count";
import { callRoute, jsonRequest, withStudio } from "../setup/test-studio";
import { cutInHalf, filesUnder, makeStill } from "./media-helpers";

const t = withStudio();
beforeEach(() => {
  const { db, now } = t.studio;
  db.transaction((tx) => applyCalendarChannels(tx, { now: now(), users: new Map() }));
  applyArticleChannelRules(db, now());
});

const TESTIMONIAL = [
  "```车主证言",
  "车主：王先生",
  "车型：2019款 朗逸",
  "证言：在店里保养七年，开得放心。",
  "```",
].join("\n");
/** Ten characters a sentence, as 易车 counts them. */
const sentences = (n: number) => "原厂保养让车更安心。".repeat(n);

async function createArticle(cookie: string, body: Record<string, unknown>, lang = "zh") {
  return callRoute(
    createAction,
    jsonRequest("/api/v1/articles", "POST", body, { Cookie: `${cookie}; lang=${lang}` }),
  );
}

async function submit(cookie: string, pieceId: number, lang = "zh") {
  return callRoute(
    transitionAction,
    jsonRequest(
      `/api/v1/pieces/${pieceId}/transitions`,
      "POST",
      { action: "submit" },
      {
        Cookie: `${cookie}; lang=${lang}`,
      },
    ),
    { id: String(pieceId) },
  );
}

const statusOf = (pieceId: number) =>
  t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get()!.status;

describe("articles through the API", () => {
  it("creates, reads, lists and patches an article with its channel, and documents the endpoints", async () => {
    const copy = await t.signIn("copywriter");
    const created = await createArticle(copy.cookie, {
      title: "雨季用车",
      body: "# 雨季\n\n雨刮要检查。",
      channel: "wechat-official",
    });
    expect(created.status).toBe(201);
    const article = await created.json();
    expect(article).toMatchObject({
      kind: "article",
      channel: { key: "wechat-official" },
      charCount: 8,
      cover: null,
    });

    const patched = await copy.json(
      articleAction,
      `/api/v1/articles/${article.id}`,
      "PATCH",
      { version: 1, title: "雨季用车", body: "雨刮", channel: "yiche" },
      { id: String(article.id) },
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      version: 2,
      channel: { key: "yiche", minChars: 2000 },
      charCount: 2,
    });
    const read = await copy.get(articleLoader, `/api/v1/articles/${article.id}`, {
      id: String(article.id),
    });
    expect((await read.json()).body).toBe("雨刮");
    const list = await (await copy.get(listLoader, "/api/v1/articles?channel=yiche")).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: article.id, channel: { key: "yiche" } }] });

    const doc = await (await copy.get(openapi, "/api/v1/openapi.json")).json();
    expect(Object.keys(doc.paths["/api/v1/articles"])).toEqual(expect.arrayContaining(["get", "post"]));
    expect(Object.keys(doc.paths["/api/v1/articles/{id}"])).toEqual(expect.arrayContaining(["get", "patch"]));
  });

  it("refuses an unknown channel, an empty title and the wrong role, and creates nothing", async () => {
    const copy = await t.signIn("copywriter");
    const analyst = await t.signIn("analyst");
    const before = rowCount(t.studio, schema.pieces);
    const unknown = await createArticle(
      copy.cookie,
      { title: "标题", body: "", channel: "douyin-main" },
      "en",
    );
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toMatchObject({ code: "unknown_channel", field: "channel" });
    const empty = await createArticle(copy.cookie, { title: " ", body: "x", channel: "yiche" });
    expect(empty.status).toBe(400);
    const refused = await createArticle(analyst.cookie, { title: "标题", body: "", channel: "yiche" });
    expect(refused.status).toBe(403);
    expect(rowCount(t.studio, schema.pieces)).toBe(before);
    expect(rowCount(t.studio, schema.articles)).toBe(0);
  });
});

describe("易车's rules at review", () => {
  it("refuses an article under 2,000 characters at submit, naming the count in the reader's language", async () => {
    const copy = await t.signIn("copywriter");
    const body = `${TESTIMONIAL}\n\n${sentences(120)}`;
    const count = countArticleChars(body);
    expect(count).toBe(1200 + "王先生2019款朗逸在店里保养七年，开得放心。".length);
    const { id } = await (
      await createArticle(copy.cookie, { title: "三位车主", body, channel: "yiche" })
    ).json();

    const zh = await submit(copy.cookie, id);
    expect(zh.status).toBe(409);
    const zhError = (await zh.json()).error;
    expect(zhError.code).toBe("article_too_short");
    expect(zhError.message).toBe(`正文 1,${count - 1000} 字，易车要求至少 2,000 字。`);
    const en = await (await submit(copy.cookie, id, "en")).json();
    expect(en.error.message).toBe(`The body has 1,${count - 1000} characters; 易车 requires at least 2,000.`);
    expect(statusOf(id)).toBe("draft");
    expect(rowCount(t.studio, schema.pieceTransitions)).toBe(0);
  });

  it("requires an owner testimonial, complete, and lets a long article with one through", async () => {
    const copy = await t.signIn("copywriter");
    const long = sentences(205);
    const { id, version } = await (
      await createArticle(copy.cookie, { title: "长文", body: long, channel: "yiche" })
    ).json();
    const missing = await (await submit(copy.cookie, id)).json();
    expect(missing.error).toMatchObject({ code: "testimonial_required" });
    expect(missing.error.message).toContain("车主证言");

    const patch = (body: string, v: number) =>
      copy.json(
        articleAction,
        `/api/v1/articles/${id}`,
        "PATCH",
        { version: v, title: "长文", body, channel: "yiche" },
        {
          id: String(id),
        },
      );
    const incomplete = TESTIMONIAL.replace("车型：2019款 朗逸\n", "");
    expect((await patch(`${incomplete}\n\n${long}`, version)).status).toBe(200);
    const noModel = await (await submit(copy.cookie, id)).json();
    expect(noModel.error).toMatchObject({ code: "testimonial_incomplete" });
    expect(noModel.error.message).toBe("第 1 行的车主证言缺少「车型」。");
    expect(statusOf(id)).toBe("draft");

    expect((await patch(`${TESTIMONIAL}\n\n${long}`, version + 1)).status).toBe(200);
    const ok = await submit(copy.cookie, id);
    expect(ok.status).toBe(200);
    expect(statusOf(id)).toBe("in_review");
  });

  it("keeps the demo 易车 article within its own rules", () => {
    expect(countArticleChars(YICHE_ARTICLE)).toBeGreaterThanOrEqual(2000);
  });

  it("holds no rule over a 微信公众号 article", async () => {
    const copy = await t.signIn("copywriter");
    const { id } = await (
      await createArticle(copy.cookie, { title: "短文", body: "雨刮要检查。", channel: "wechat-official" })
    ).json();
    expect((await submit(copy.cookie, id)).status).toBe(200);
  });
});

describe("the cover upload", () => {
  const upload = (cookie: string, pieceId: number, bytes: Uint8Array, name = "cover.png") => {
    const body = new FormData();
    body.append("file", new Blob([new Uint8Array(bytes)], { type: "image/png" }), name);
    return callRoute(
      coverAction,
      new Request(`http://localhost/api/v1/articles/${pieceId}/cover`, {
        method: "POST",
        body,
        headers: { Cookie: cookie },
      }),
      {
        id: String(pieceId),
      },
    );
  };
  const articleFiles = () => filesUnder(path.join(t.dir, "articles"));

  it("stores a sniffed image and serves it; refuses broken, non-image, too small and wrong-role uploads leaving nothing", async () => {
    const copy = await t.signIn("copywriter");
    const host = await t.signIn("host");
    const { id } = await (
      await createArticle(copy.cookie, { title: "封面", body: "", channel: "yiche" })
    ).json();
    const good = await makeStill(t.dir, "good.jpg", "testsrc2=s=640x360");
    const broken = cutInHalf(good, "broken.jpg");
    const tiny = await makeStill(t.dir, "tiny.png", "testsrc2=s=120x90");
    const auditBefore = auditRows(t.studio, "article.cover").length;

    const refusals: Array<[Uint8Array, string, number, string]> = [
      [fs.readFileSync(broken), copy.cookie, 422, "incomplete_image"],
      [Buffer.from("这不是图片，只是文字。"), copy.cookie, 415, "not_an_image"],
      [new Uint8Array(0), copy.cookie, 400, "empty_file"],
      [fs.readFileSync(tiny), copy.cookie, 422, "bad_dimensions"],
      [fs.readFileSync(good), host.cookie, 403, "forbidden"],
    ];
    for (const [bytes, cookie, status, code] of refusals) {
      const res = await upload(cookie, id, bytes);
      expect(res.status, code).toBe(status);
      expect((await res.json()).error.code).toBe(code);
      expect(articleFiles()).toEqual([]);
    }
    const row = t.studio.db.select().from(schema.articles).where(eq(schema.articles.pieceId, id)).get()!;
    expect(row.coverSha256).toBeNull();
    expect(auditRows(t.studio, "article.cover")).toHaveLength(auditBefore);

    const ok = await upload(copy.cookie, id, fs.readFileSync(good), "good.jpg");
    expect(ok.status).toBe(201);
    expect((await ok.json()).cover).toMatchObject({ format: "jpeg", width: 640, height: 360 });
    expect(articleFiles()).toHaveLength(1);
    const served = await host.get(coverLoader, `/api/v1/articles/${id}/cover`, { id: String(id) });
    expect(served.headers.get("Content-Type")).toBe("image/jpeg");
    expect(Buffer.from(await served.arrayBuffer()).equals(fs.readFileSync(good))).toBe(true);
  });
});
