import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SCAN_TEXT_MAX, type Finding } from "~/modules/compliance/compliance-types";
import { withBrowser } from "../setup/e2e-browser";

const { baseUrl, signIn } = withBrowser();

/** What the studio's scanner says about a text, asked as the page's user. */
function scanThroughApi(page: Page, text: string): Promise<Finding[]> {
  return page.evaluate(async (body) => {
    const response = await fetch("/api/v1/compliance/scan", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: body }),
    });
    return ((await response.json()) as { findings: Finding[] }).findings;
  }, text);
}

const markTexts = (scope: Locator) => scope.locator('[data-testid="compliance-mark"]').allTextContents();

/**
 * Where the mark sits against where the textarea draws the same characters: the canvas measures
 * the text before the mark and the marked text in the textarea's own font, independently of the
 * highlight layer. Offsets in CSS pixels; the mark must also lie inside the field.
 */
async function markGeometry(textarea: Locator, mark: Locator) {
  return textarea.evaluate(
    (field, markEl) => {
      const area = field as HTMLTextAreaElement;
      const el = markEl as HTMLElement;
      const css = getComputedStyle(area);
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = `${css.fontStyle} ${css.fontWeight} ${css.fontSize} ${css.fontFamily}`;
      const start = Number(el.dataset.start);
      const end = Number(el.dataset.end);
      const box = area.getBoundingClientRect();
      const rect = el.getBoundingClientRect();
      const contentLeft = box.left + parseFloat(css.borderLeftWidth) + parseFloat(css.paddingLeft);
      return {
        dx: rect.left - contentLeft - context.measureText(area.value.slice(0, start)).width,
        dWidth: rect.width - context.measureText(area.value.slice(start, end)).width,
        inside: rect.top >= box.top && rect.bottom <= box.bottom && rect.right <= box.right,
      };
    },
    await mark.elementHandle(),
  );
}

async function openDemoEpisode(page: Page) {
  const episodes = await page.evaluate(async () => {
    const response = await fetch("/api/v1/pieces?kind=episode");
    return ((await response.json()) as { items: { id: number; title: string }[] }).items;
  });
  const episode = episodes.find((e) => e.title.includes("第4集"));
  expect(episode).toBeTruthy();
  await page.goto(`${baseUrl}/episodes/${episode!.id}`);
}

describe("compliance highlighting in the editors", () => {
  it("marks a disguised block term in the episode script while typing, lists it, skips an allowed context and clears once fixed", async () => {
    const page = await signIn("copy@studio.local", "demo-copy-2026");
    await openDemoEpisode(page);
    const script = page.getByTestId("script-editor");
    await expect.poll(() => script.getAttribute("data-scan-status")).toBe("ready");

    // A new line, typed key by key: the term with a space inside it.
    await page.click('[data-testid="add-line"]');
    const line = page.getByTestId("script-line").last();
    const voiceover = line.getByTestId("line-voiceover");
    await voiceover.pressSequentially("这款车全网 最低价，快来店");
    await expect.poll(() => markTexts(line)).toEqual(["全网 最低价"]);
    const mark = line.getByTestId("compliance-mark");
    expect(await mark.getAttribute("data-severity")).toBe("block");
    const geometry = await markGeometry(voiceover, mark);
    expect(Math.abs(geometry.dx)).toBeLessThan(1);
    expect(Math.abs(geometry.dWidth)).toBeLessThan(1);
    expect(geometry.inside).toBe(true);

    // The list under the line: category, the matched text, reason, basis and suggestion.
    const expected = (await scanThroughApi(page, "这款车全网 最低价，快来店")).find(
      (f) => f.match === "全网 最低价",
    );
    expect(expected?.category).toBe("price");
    const finding = line
      .getByTestId("finding")
      .filter({ has: page.getByTestId("finding-match").getByText("全网 最低价", { exact: true }) });
    expect(await finding.getByTestId("finding-category").textContent()).toBe("价格宣传");
    expect(await finding.getByTestId("finding-reason").textContent()).toBe(expected!.reason);
    expect(await finding.getByTestId("finding-basis").textContent()).toContain(expected!.basis);
    expect(await finding.getByTestId("finding-suggestion").textContent()).toBe(
      `建议改为：${expected!.suggestion}`,
    );

    // Clicking the finding selects its characters in the field; typing over them fixes the line.
    await finding.click();
    const selection = await voiceover.evaluate((el) => {
      const area = el as HTMLTextAreaElement;
      return area.value.slice(area.selectionStart, area.selectionEnd);
    });
    expect(selection).toBe("全网 最低价");
    await page.keyboard.type("裸车优惠两万元");
    await expect.poll(() => voiceover.inputValue()).toBe("这款车裸车优惠两万元，快来店");
    await expect.poll(() => script.getAttribute("data-scan-status")).toBe("ready");
    expect(await markTexts(line)).toEqual([]);
    expect(await line.getByTestId("findings-list").count()).toBe(0);

    // 第一次 is an allowed context of 第一; 销量第一 in the same line is not.
    await voiceover.fill("");
    await voiceover.pressSequentially("第一次试驾就爱上了");
    await expect.poll(() => script.getAttribute("data-scan-status")).toBe("ready");
    expect(await markTexts(line)).toEqual([]);
    await voiceover.pressSequentially("，销量第一");
    await expect.poll(() => markTexts(line)).toEqual(["销量第一"]);
    await page.context().close();
  });

  it("waits for the input method to commit before scanning, and marks the piece body", async () => {
    const page = await signIn("copy@studio.local", "demo-copy-2026");
    const sent: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/v1/compliance/scan")) sent.push(request.postData() ?? "");
    });
    await page.goto(`${baseUrl}/pieces/new`);
    const body = page.getByTestId("piece-body");
    const field = page.locator("[data-scan-status]").filter({ has: body });
    await expect.poll(() => field.getAttribute("data-scan-status")).toBe("ready");
    await body.click();
    await body.pressSequentially("本店");

    // Pinyin being composed stays in the field as the input method left it and is not scanned.
    const cdp = await page.context().newCDPSession(page);
    for (const pinyin of ["q", "qu", "quan", "quanw", "quanwa", "quanwang"]) {
      await cdp.send("Input.imeSetComposition", {
        text: pinyin,
        selectionStart: pinyin.length,
        selectionEnd: pinyin.length,
      });
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(800);
    expect(await body.inputValue()).toBe("本店quanwang");
    expect(sent.filter((data) => data.includes("quan"))).toEqual([]);
    await cdp.send("Input.insertText", { text: "全网" });
    await body.pressSequentially("最低价，欢迎加ＶＸ咨询");
    expect(await body.inputValue()).toBe("本店全网最低价，欢迎加ＶＸ咨询");
    await expect.poll(() => markTexts(field)).toEqual(["全网最低价", "加ＶＸ"]);
    const categories = new Set(await field.getByTestId("finding-category").allTextContents());
    expect([...categories]).toEqual(["价格宣传", "站外引流"]);
    expect(sent.filter((data) => data.includes("quan"))).toEqual([]);

    await body.fill("本店冬季保养套餐上线，欢迎预约");
    await expect.poll(() => field.getAttribute("data-scan-status")).toBe("ready");
    expect(await markTexts(field)).toEqual([]);
    expect(await field.getByTestId("scan-clean").count()).toBe(1);
    await page.context().close();
  });

  it("checks an e-book chapter longer than one scan request, in pieces, up to its last line", async () => {
    const page = await signIn("copy@studio.local", "demo-copy-2026");
    const sent: number[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/v1/compliance/scan")) {
        sent.push((JSON.parse(request.postData() ?? "{}") as { text: string }).text.length);
      }
    });
    const chapterUrl = await page.evaluate(async () => {
      const get = async (url: string) => (await fetch(url)).json();
      const books = (await get("/api/v1/ebooks")) as { items: { id: number; title: string }[] };
      const book = books.items.find((b) => b.title === "老司机秘籍")!;
      const detail = (await get(`/api/v1/ebooks/${book.id}`)) as {
        sections: { chapters: { id: number }[] }[];
      };
      return `/ebooks/${book.id}/chapters/${detail.sections[0].chapters[0].id}`;
    });
    await page.goto(`${baseUrl}${chapterUrl}`);
    const markdown = page.getByTestId("chapter-markdown");
    const field = page.locator("[data-scan-status]").filter({ has: markdown });
    await expect.poll(() => field.getAttribute("data-scan-status")).toBe("ready");
    const paragraph = "雨季出行前，先检查雨刮、轮胎和刹车。\n";
    const long = paragraph.repeat(Math.ceil(SCAN_TEXT_MAX / paragraph.length) + 200);
    // Pasted in one go from the clipboard, as a long chapter arrives.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    await page.evaluate((text) => navigator.clipboard.writeText(text), `${long}本店全网最低价`);
    await markdown.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+V");
    await expect.poll(() => markTexts(field), { timeout: 30_000 }).toEqual(["全网最低价"]);
    expect(await field.getAttribute("data-scan-status")).toBe("ready");
    expect(Math.max(...sent.slice(-2))).toBeLessThanOrEqual(SCAN_TEXT_MAX);
    expect(sent.slice(-2).reduce((a, b) => a + b, 0)).toBe(long.length + "本店全网最低价".length);
    await page.context().close();
  });

  it("shows an analyst, who may not scan, a piece without marks and without an error", async () => {
    const page = await signIn("analyst@studio.local", "demo-analyst-2026");
    const pieces = await page.evaluate(async () => {
      const response = await fetch("/api/v1/pieces?kind=article");
      return ((await response.json()) as { items: { id: number }[] }).items;
    });
    await page.goto(`${baseUrl}/pieces/${pieces[0].id}`);
    const field = page.locator("[data-scan-status]").filter({ has: page.getByTestId("piece-body") });
    await expect.poll(() => field.getAttribute("data-scan-status")).toBe("unavailable");
    expect(await field.getByTestId("compliance-mark").count()).toBe(0);
    expect(await field.getByTestId("scan-error").count()).toBe(0);
    await page.context().close();
  });
});

describe("reviewers' comments where the owner edits", () => {
  it("shows an editor's comment on a script line on the episode page, and a paragraph comment in the chapter editor", async () => {
    // The editor picks a script line in the episode page's panel and comments on it.
    const editor = await signIn("editor@studio.local", "demo-editor-2026");
    await openDemoEpisode(editor);
    const panel = editor.getByTestId("comments-panel");
    await panel.getByTestId("comment-anchor").click();
    const firstLine = editor.getByRole("option").first();
    const place = (await firstLine.textContent()) ?? "";
    expect(place).toContain("脚本第 1 行");
    await firstLine.click();
    await panel.getByTestId("comment-body").fill("这一行的口播太长，压到 12 个字以内");
    await panel.getByTestId("comment-submit").click();
    await expect.poll(() => panel.textContent()).toContain("这一行的口播太长");
    const episodeUrl = editor.url();

    // A paragraph comment on the demo e-book's first chapter, and one on its second chapter,
    // through the API.
    const chapter = await editor.evaluate(async () => {
      const get = async (url: string) => (await fetch(url)).json();
      const books = (await get("/api/v1/ebooks")) as { items: { id: number; title: string }[] };
      const book = books.items.find((b) => b.title === "老司机秘籍")!;
      const detail = (await get(`/api/v1/ebooks/${book.id}`)) as {
        sections: { chapters: { id: number; title: string }[] }[];
      };
      // The second section's chapters: the e-book browser tests, which run beside this one, edit
      // and reorder the first section's.
      const [first, second] = detail.sections[1].chapters;
      const [chapterId, otherChapterId] = [first.id, second.id];
      const post = (anchorChapterId: number, body: string) =>
        fetch(`/api/v1/pieces/${book.id}/comments`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ anchor: { kind: "paragraph", chapterId: anchorChapterId, index: 0 }, body }),
        });
      const statuses = [
        (await post(chapterId, "第一段先讲雨季风险")).status,
        (await post(otherChapterId, "第二章开头补一个真实案例")).status,
      ];
      return {
        bookId: book.id,
        chapterId,
        title: first.title,
        url: `/ebooks/${book.id}/chapters/${chapterId}`,
        statuses,
      };
    });
    expect(chapter.statuses).toEqual([201, 201]);
    await editor.context().close();

    // The copywriter sees both where the text is edited, with the place they point at.
    const owner = await signIn("copy@studio.local", "demo-copy-2026");
    await owner.goto(episodeUrl);
    const ownerPanel = owner.getByTestId("comments-panel");
    await expect.poll(() => ownerPanel.textContent()).toContain("这一行的口播太长");
    expect(await ownerPanel.textContent()).toContain("脚本第 1 行");
    // The book's open threads outside the first chapter, as the piece page's panel lists them.
    const elsewhere = await owner.evaluate(async ({ bookId, chapterId }) => {
      const response = await fetch(`/api/v1/pieces/${bookId}/comments?status=open`);
      const { threads } = (await response.json()) as {
        threads: { anchor: { kind: string; chapterId?: number } }[];
      };
      return threads.filter((th) => th.anchor.kind !== "paragraph" || th.anchor.chapterId !== chapterId)
        .length;
    }, chapter);
    expect(elsewhere).toBeGreaterThanOrEqual(1);
    await owner.goto(`${baseUrl}${chapter.url}`);
    const chapterPanel = owner.getByTestId("comments-panel");
    await expect.poll(() => chapterPanel.textContent()).toContain("第一段先讲雨季风险");
    // Only this chapter's comments are listed; the other chapter's is counted, with a link to them all.
    expect(await chapterPanel.textContent()).toContain(`「${chapter.title}」第 1 段`);
    expect(await chapterPanel.textContent()).not.toContain("第二章开头补一个真实案例");
    const others = chapterPanel.getByTestId("comments-elsewhere");
    expect(await others.getAttribute("data-count")).toBe(String(elsewhere));
    expect(await others.textContent()).toContain(`还有 ${elsewhere} 条未解决的评论`);
    // A reply from the panel reloads the chapter's list, still without the other chapter's comments.
    const thread = chapterPanel.getByTestId("comment-thread").filter({ hasText: "第一段先讲雨季风险" });
    await thread.getByRole("textbox", { name: "回复" }).fill("已补上雨季事故的数据");
    await thread.getByRole("button", { name: "回复", exact: true }).click();
    await expect.poll(() => thread.textContent()).toContain("已补上雨季事故的数据");
    expect(await chapterPanel.textContent()).not.toContain("第二章开头补一个真实案例");
    expect(await others.getAttribute("data-count")).toBe(String(elsewhere));
    await others.getByRole("link").click();
    await owner.waitForURL(`${baseUrl}/pieces/${chapter.bookId}#comments`);
    await expect
      .poll(() => owner.getByTestId("comments-panel").textContent())
      .toContain("第二章开头补一个真实案例");
    await owner.context().close();
  });
});
