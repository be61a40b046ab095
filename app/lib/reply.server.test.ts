import { describe, expect, it } from "vitest";
import { reply } from "./reply.server";
import { fail } from "./result";

const page = (lang?: "zh" | "en") =>
  new Request("http://localhost/ebooks/1", {
    method: "POST",
    headers: lang ? { Cookie: `lang=${lang}` } : {},
  });

describe("reply", () => {
  it("answers a form that did not parse with its field errors, the first as the form's", async () => {
    const res = reply(
      page(),
      { ok: false, errors: { title: "请输入书名", trim: "未知开本" } },
      { intent: "update-book" },
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      ok: false,
      intent: "update-book",
      code: null,
      error: "请输入书名",
      errors: { title: "请输入书名", trim: "未知开本" },
      notice: null,
      target: { intent: "update-book", fields: ["title", "trim"] },
    });
  });

  it("puts a failure at its field, or under _form, in the page's language, with the failure's status", async () => {
    const atField = fail(400, "unknown_section", "请选择本书的一个分部。", "sectionId");
    expect(await reply(page("en"), atField).json()).toMatchObject({
      code: "unknown_section",
      error: "Choose one of this book's parts.",
      errors: { sectionId: "Choose one of this book's parts." },
    });
    const noField = reply(page(), fail(404, "not_found", "这本书不存在。", { params: { context: "book" } }));
    expect(noField.status).toBe(404);
    expect((await noField.json()).errors).toEqual({ _form: "这本书不存在。" });
  });

  it("sends a failure to its target: the control that posted it and every field it names", async () => {
    const refused = fail(409, "stale", "内容已被他人修改，请刷新后再改。", {
      field: "lines.1.seconds",
      anchors: ["lines.1", "lines.2"],
      params: { context: "x" },
    });
    const body = await reply(page(), refused, { intent: "submit" }).json();
    expect(body.target).toEqual({ intent: "submit", fields: ["lines.1.seconds", "lines.1", "lines.2"] });
    expect(Object.keys(body.errors ?? {})).toEqual(["lines.1.seconds", "lines.1", "lines.2"]);
    expect(new Set(Object.values(body.errors ?? {}))).toEqual(new Set([body.error]));
    const bare = await reply(page(), fail(404, "not_found", "这本书不存在。"), { intent: "build" }).json();
    expect(bare.target).toEqual({ intent: "build", fields: [] });
    expect(bare.errors).toEqual({ _form: bare.error });
  });

  it("says a success with its notice and hands back its data", async () => {
    const res = reply(
      page("en"),
      { ok: true },
      { intent: "build", notice: "ebooks.saved", data: { jobId: 7 } },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      intent: "build",
      code: null,
      error: null,
      errors: null,
      notice: "Saved",
      target: null,
      jobId: 7,
    });
  });

  it("keeps a page's historical status and headers when asked", async () => {
    const refused = reply(page(), fail(400, "bad_credentials", "邮箱或密码不正确。", "password"), {
      failureStatus: 200,
    });
    expect(refused.status).toBe(200);
    const throttled = reply(
      page(),
      fail(429, "throttled", "登录失败次数过多，请 3 分钟后再试。", { params: { minutes: 3 } }),
      {
        headers: { "Retry-After": "180" },
      },
    );
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("Retry-After")).toBe("180");
  });
});
