import { describe, expect, it } from "vitest";
import { apiError } from "~/lib/auth.server";
import type { ErrorCode } from "~/lib/error-codes";
import { reply } from "~/lib/reply.server";
import { loader as articleLoader } from "~/routes/_app.articles.$id";
import { loader as chapterLoader } from "~/routes/_app.ebooks.$id_.chapters.$chapterId";
import { loader as compareLoader } from "~/routes/_app.ebooks.$id_.compare";
import { loader as importLoader } from "~/routes/_app.imports.$id";
import { loader as leadLoader } from "~/routes/_app.leads.$id";
import { loader as consoleLoader } from "~/routes/_app.livestreams.$id.control";
import { loader as showLoader } from "~/routes/_app.livestreams.$id._index";
import { action as pieceAction } from "~/routes/_app.pieces.$id";
import { loader as prompterLoader } from "~/routes/livestreams.$id.prompter";
import { action as newPieceAction } from "~/routes/_app.pieces.new";
import { action as apiUpdatePiece } from "~/routes/api.v1.pieces.$id";
import { callRoute, formRequest, getRequest, jsonRequest, withStudio } from "../setup/test-studio";

const t = withStudio();

const STALE_ZH = "这条内容已被他人修改（你编辑的是第 1 版，当前是第 2 版）。请刷新后再改，你的修改尚未保存。";
const STALE_EN =
  "Someone else changed this piece (you edited version 1, it is now version 2). Refresh before editing; your changes were not saved.";

/** A draft already saved once, so a save naming version 1 is stale. */
async function staleDraft(cookie: string) {
  const created = await callRoute(
    newPieceAction,
    formRequest("/pieces/new", { kind: "article", title: "标题", body: "正文" }, cookie),
  );
  const id = created.headers.get("Location")!.split("/").pop()!;
  const save = (language: string | null, version = "1") =>
    callRoute(
      pieceAction,
      formRequest(
        `/pieces/${id}`,
        { intent: "update", version, title: "新标题", body: "新正文" },
        language ? `${cookie}; lang=${language}` : cookie,
      ),
      { id },
    );
  expect((await save(null)).status).toBe(200);
  return { id, save };
}

describe("error messages follow the reader's language", () => {
  it("answers a page action in the page's language, with the values the message needs", async () => {
    const copy = await t.signIn("copywriter");
    const { save } = await staleDraft(copy.cookie);

    const english = await save("en");
    expect(english.status).toBe(409);
    expect(await english.json()).toMatchObject({
      ok: false,
      intent: "update",
      code: "stale",
      error: STALE_EN,
      errors: { _form: STALE_EN },
      notice: null,
    });

    for (const language of ["zh", null]) {
      const chinese = await (await save(language)).json();
      expect(chinese.error).toBe(STALE_ZH);
      expect(chinese.errors._form).toBe(STALE_ZH);
    }
  });

  it("says a success in the page's language too", async () => {
    const copy = await t.signIn("copywriter");
    const { save } = await staleDraft(copy.cookie);
    expect(await (await save("en", "2")).json()).toMatchObject({ ok: true, notice: "Saved", error: null });
    expect(await (await save("zh", "3")).json()).toMatchObject({ ok: true, notice: "已保存" });
  });

  it("answers the API in the lang cookie's language, else Accept-Language's, else Chinese", async () => {
    const copy = await t.signIn("copywriter");
    const { id } = await staleDraft(copy.cookie);
    const patch = (headers: Record<string, string>) =>
      callRoute(
        apiUpdatePiece,
        jsonRequest(`/api/v1/pieces/${id}`, "PATCH", { version: 1, title: "API 标题" }, headers),
        {
          id,
        },
      );
    const message = async (headers: Record<string, string>) => {
      const res = await patch(headers);
      expect(res.status).toBe(409);
      const { error } = await res.json();
      expect(error.code).toBe("stale");
      return error.message;
    };
    expect(await message({ Cookie: copy.cookie, "Accept-Language": "en-US,en;q=0.9" })).toBe(STALE_EN);
    expect(await message({ Cookie: `${copy.cookie}; lang=en` })).toBe(STALE_EN);
    expect(await message({ Cookie: `${copy.cookie}; lang=zh`, "Accept-Language": "en" })).toBe(STALE_ZH);
    expect(await message({ Cookie: copy.cookie, "Accept-Language": "fr-FR, en;q=0.5" })).toBe(STALE_EN);
    expect(await message({ Cookie: copy.cookie, "Accept-Language": "zh-CN,en;q=0.8" })).toBe(STALE_ZH);
    expect(await message({ Cookie: copy.cookie })).toBe(STALE_ZH);

    // Refusals made before any module runs follow the same rule.
    const unauthenticated = await patch({ "Accept-Language": "en" });
    expect(unauthenticated.status).toBe(401);
    expect((await unauthenticated.json()).error).toEqual({
      code: "unauthenticated",
      message: "Sign in or use a valid API token.",
    });
  });

  it("falls back to the module's own message for a code that has no translation", async () => {
    const request = new Request("http://localhost/pieces/1", { headers: { Cookie: "lang=en" } });
    const unknown = {
      ok: false,
      status: 409,
      code: "not_a_code" as ErrorCode,
      message: "模块自己的话",
    } as const;
    expect(await reply(request, unknown).json()).toMatchObject({ error: "模块自己的话", code: "not_a_code" });
    const api = apiError(
      new Request("http://localhost/api/v1/x", { headers: { "Accept-Language": "en" } }),
      409,
      unknown.code,
      unknown.message,
    );
    expect((await api.json()).error).toEqual({ code: "not_a_code", message: "模块自己的话" });
  });

  it("says that a page's piece does not exist in the reader's language", async () => {
    const admin = await t.signIn("admin");
    const pages = [
      {
        loader: consoleLoader,
        url: "/livestreams/9999/control",
        zh: "直播不存在。",
        en: "This livestream does not exist.",
      },
      {
        loader: prompterLoader,
        url: "/livestreams/9999/prompter",
        zh: "直播不存在。",
        en: "This livestream does not exist.",
      },
      {
        loader: showLoader,
        url: "/livestreams/9999",
        zh: "直播脚本不存在。",
        en: "This livestream script does not exist.",
      },
      {
        loader: articleLoader,
        url: "/articles/9999",
        zh: "文章不存在。",
        en: "This article does not exist.",
      },
      {
        loader: chapterLoader,
        url: "/ebooks/9999/chapters/9999",
        zh: "章节不存在。",
        en: "This chapter does not exist.",
      },
      { loader: importLoader, url: "/imports/9999", zh: "未找到这次导入。", en: "No such import." },
      { loader: importLoader, url: "/imports/abc", zh: "未找到这次导入。", en: "No such import." },
      { loader: leadLoader, url: "/leads/9999", zh: "线索不存在。", en: "Lead not found." },
      {
        loader: compareLoader,
        url: "/ebooks/9999/compare?a=1&b=2",
        zh: "这本书不存在。",
        en: "This book does not exist.",
      },
    ];
    for (const page of pages) {
      const params = { id: page.url.split("/")[2], chapterId: "9999" };
      for (const [language, text] of [
        ["en", page.en],
        ["zh", page.zh],
      ]) {
        const answer = await callRoute(
          page.loader,
          getRequest(page.url, { Cookie: `${admin.cookie}; lang=${language}` }),
          params,
        );
        expect(answer.status, page.url).toBe(404);
        expect((await answer.json()).error, page.url).toEqual({ code: "not_found", message: text });
      }
    }
  });

  it("asks for two builds on the compare page in the reader's language", async () => {
    const admin = await t.signIn("admin");
    for (const [language, message] of [
      ["en", "Choose two builds to compare."],
      ["zh", "请选择两个版本进行对比。"],
    ]) {
      const answer = await callRoute(
        compareLoader,
        getRequest("/ebooks/1/compare?a=1", { Cookie: `${admin.cookie}; lang=${language}` }),
        { id: "1" },
      );
      expect(answer.status).toBe(400);
      expect((await answer.json()).error).toEqual({ code: "compare_needs_two_builds", message });
    }
  });
});
