import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withBrowser } from "../setup/e2e-browser";

const { baseUrl, signIn } = withBrowser();

const activeJobs = (page: Page) =>
  page
    .locator(
      '[data-testid^="build-job-"][data-status="queued"], [data-testid^="build-job-"][data-status="running"]',
    )
    .count();

async function openDemoBook(page: Page): Promise<string> {
  await page.goto(`${baseUrl}/ebooks`);
  await page.getByRole("link", { name: "老司机秘籍" }).first().click();
  await page.waitForURL(/\/ebooks\/\d+$/);
  return page.url();
}

describe("e-books in a real browser", () => {
  it("edits a chapter with a live preview and reorders chapters by drag and drop", async () => {
    const page = await signIn("copy@studio.local", "demo-copy-2026");
    const bookUrl = await openDemoBook(page);
    await expect.poll(() => page.getByTestId("pages-vs-target").textContent()).toMatch(/\/ 96/);

    // Chapter editor: what is typed shows up in the preview.
    await page.locator('[data-testid^="chapter-link-"]').first().click();
    await page.waitForURL(/\/chapters\/\d+$/);
    // Keys go to the field itself (not to whatever holds the focus), and the field is checked to
    // hold them before the preview is.
    // The chapter's text is replaced, not appended to: other browser tests save this chapter
    // too, and what they leave (an open block) could swallow an appended heading.
    const editor = page.getByTestId("chapter-markdown");
    await editor.fill("");
    await editor.pressSequentially(
      "开篇。\n\n## 端到端小标题\n\n雨天出门前，先看**天气预报**。\n\n> [!WARNING]\n> 积水过深不要涉水。",
    );
    await expect.poll(() => editor.inputValue()).toContain("## 端到端小标题");
    const preview = page.getByTestId("chapter-preview");
    await expect
      .poll(() => preview.locator("h3", { hasText: "端到端小标题" }).count(), { timeout: 30_000 })
      .toBe(1);
    await expect.poll(() => preview.locator("strong", { hasText: "天气预报" }).count()).toBe(1);
    await expect.poll(() => preview.locator(".md-tip-warning").count()).toBeGreaterThan(0);
    // An image that was never uploaded is reported with its line number.
    await editor.pressSequentially("\n\n![示意图](missing.png)");
    await expect
      .poll(() => page.getByTestId("chapter-problems").textContent())
      .toMatch(/第 \d+ 行.*missing\.png/);
    await editor.press("Backspace");
    for (let i = 0; i < "![示意图](missing.png)".length + 1; i++) await editor.press("Backspace");
    await expect.poll(() => page.getByTestId("chapter-problems").textContent()).toContain("没有发现问题");
    await page.getByTestId("save-chapter").click();
    await expect.poll(() => page.getByText("已保存").count()).toBeGreaterThan(0);

    // Chapters reorder by drag and drop.
    await page.goto(bookUrl);
    const firstSection = page.locator('[data-testid^="section-"]').first();
    const rows = firstSection.locator('[data-testid^="chapter-row-"]');
    const order = await firstSection.locator('[data-testid^="chapter-link-"]').allTextContents();
    await rows.nth(2).dragTo(rows.nth(0));
    await expect
      .poll(() => firstSection.locator('[data-testid^="chapter-link-"]').allTextContents())
      .toEqual([order[2], order[0], order[1]]);
    await page.context().close();
  });

  it("moves straight to the next chapter: asks before unsaved text is left, and never carries it over", async () => {
    const page = await signIn("copy@studio.local", "demo-copy-2026");
    // The third section's chapters: the other browser tests edit and reorder the first section's,
    // and comment on the second's.
    const chapterApi = (bookId: number, chapterId: number) =>
      page.evaluate(
        async ([b, c]) =>
          (await (await fetch(`/api/v1/ebooks/${b}/chapters/${c}`)).json()) as {
            id: number;
            title: string;
            markdown: string;
          },
        [bookId, chapterId],
      );
    const book = await page.evaluate(async () => {
      const get = async (url: string) => (await fetch(url)).json();
      const books = (await get("/api/v1/ebooks")) as { items: { id: number; title: string }[] };
      const { id } = books.items.find((b) => b.title === "老司机秘籍")!;
      const detail = (await get(`/api/v1/ebooks/${id}`)) as { sections: { chapters: { id: number }[] }[] };
      return { id, chapterIds: detail.sections[2].chapters.map((c) => c.id) };
    });
    const first = await chapterApi(book.id, book.chapterIds[0]!);
    const second = await chapterApi(book.id, book.chapterIds[1]!);
    await page.goto(`${baseUrl}/ebooks/${book.id}/chapters/${first.id}`);
    const title = page.getByTestId("chapter-title");
    const markdown = page.getByTestId("chapter-markdown");
    await expect.poll(() => title.inputValue()).toBe(first.title);
    await title.fill("没保存的标题");
    await markdown.fill("没保存的正文");

    // Leaving with unsaved text asks first; staying keeps every typed character.
    await page.getByTestId("next-chapter").click();
    const dialog = page.getByTestId("unsaved-changes");
    await expect.poll(() => dialog.textContent()).toContain("你的修改还没有保存");
    await page.getByTestId("unsaved-stay").click();
    expect(new URL(page.url()).pathname).toBe(`/ebooks/${book.id}/chapters/${first.id}`);
    expect(await title.inputValue()).toBe("没保存的标题");
    expect(await markdown.inputValue()).toBe("没保存的正文");

    // Leaving anyway: the next chapter's editor holds the next chapter, not what was typed.
    await page.getByTestId("next-chapter").click();
    await page.getByTestId("unsaved-leave").click();
    await page.waitForURL(`${baseUrl}/ebooks/${book.id}/chapters/${second.id}`);
    await expect.poll(() => title.inputValue()).toBe(second.title);
    expect(await markdown.inputValue()).toBe(second.markdown);
    expect(await page.getByTestId("previous-chapter").textContent()).toContain(first.title);

    // Saving here saves this chapter only; a saved editor leaves without a question.
    await markdown.fill(`${second.markdown}\n\n长途出发前，先把导航路线下载到手机。`);
    await page.getByTestId("save-chapter").click();
    await expect.poll(() => page.getByText("已保存").count()).toBeGreaterThan(0);
    await page.getByTestId("previous-chapter").click();
    await page.waitForURL(`${baseUrl}/ebooks/${book.id}/chapters/${first.id}`);
    await expect.poll(() => title.inputValue()).toBe(first.title);
    expect(await page.getByTestId("unsaved-changes").isVisible()).toBe(false);
    expect(await chapterApi(book.id, first.id)).toMatchObject({
      title: first.title,
      markdown: first.markdown,
    });
    expect((await chapterApi(book.id, second.id)).markdown).toContain("长途出发前，先把导航路线下载到手机。");
    await page.context().close();
  });

  // The worker runs one job at a time, so this build may wait behind the demo's video jobs.
  it(
    "starts a screen build, follows its progress and lists the new version; print is refused without sign-off",
    { timeout: 240_000 },
    async () => {
      const page = await signIn("copy@studio.local", "demo-copy-2026");
      await openDemoBook(page);
      const before = await page.locator('[data-testid^="build-row-"]').count();
      await page.getByTestId("build-screen").click();
      // The job shows up with its progress; the worker may still be busy with other demo jobs first.
      // (A quick build can be done before the first look: then its new row stands for it. A
      // refusal would be said in build-error, which the message quotes.)
      const started = async () =>
        (await page.locator('[data-testid^="build-job-"]').count()) > 0 ||
        (await page.locator('[data-testid^="build-row-"]').count()) > before ||
        `refused: ${await page.getByTestId("build-error").allTextContents()}`;
      await expect.poll(started, { timeout: 30_000 }).toBe(true);
      await expect
        .poll(() => page.locator('[data-testid^="build-row-"]').count(), { timeout: 200_000 })
        .toBeGreaterThan(before);
      await expect.poll(() => activeJobs(page), { timeout: 200_000 }).toBe(0);
      const newest = page.locator('[data-testid^="build-row-"]').first();
      expect(await newest.textContent()).toContain("屏幕版");
      expect(await newest.textContent()).toMatch(/\d+ \/ 96/);

      // Print is refused without an external sign-off, with the reason shown.
      await page.getByTestId("build-print").click();
      await expect.poll(() => page.getByTestId("build-error").textContent()).toContain("外部审阅签字");

      // Compare the new build with the seed's first one, on a phone.
      const bookId = new URL(page.url()).pathname.split("/").pop();
      const builds = (await (await page.request.get(`${baseUrl}/api/v1/ebooks/${bookId}/builds`)).json())
        .items as Array<{ id: number }>;
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${baseUrl}/ebooks/${bookId}/compare?a=${builds.at(-1)!.id}&b=${builds[0].id}`);
      await expect.poll(() => page.getByTestId("compare-table").count()).toBe(1);
      expect(await page.getByTestId("chapter-changes").count()).toBe(1);
      // The first test's edit is in the new build unless the seed's build ran after it.
      const diffs = page.locator('[data-testid^="chapter-diff-"]');
      if ((await page.getByTestId("compare-identical").count()) === 0)
        expect(await diffs.locator(".diff-added", { hasText: "端到端小标题" }).count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.context().close();
    },
  );

  it(
    "shows on the sign-off panel where the QR codes point, and blocks a sign-off of a local address",
    { timeout: 240_000 },
    async () => {
      const page = await signIn("editor@studio.local", "demo-editor-2026");
      await page.goto(`${baseUrl}/ebooks`);
      await page.getByRole("link", { name: "女性车主安全手册" }).first().click();
      await page.waitForURL(/\/ebooks\/\d+$/);
      // PUBLIC_BASE_URL is unset here: print QR codes would point at this server's own address.
      expect(await page.getByTestId("print-qr-target").textContent()).toContain(`${baseUrl}/p/`);
      expect(await page.getByTestId("print-qr-problem").textContent()).toContain("PUBLIC_BASE_URL");
      // The seed's first screen build may still be waiting behind the demo's other jobs.
      await expect
        .poll(
          async () => {
            await page.reload();
            return page.getByTestId("signoff-build-qr").count();
          },
          { timeout: 200_000, interval: 2_000 },
        )
        .toBe(1);
      expect(await page.getByTestId("signoff-build-qr").textContent()).toMatch(/http:\/\/localhost:\d+\/p\//);
      expect(await page.getByTestId("signoff-qr-warning").textContent()).toContain("PUBLIC_BASE_URL");
      expect(await page.getByTestId("record-signoff").isDisabled()).toBe(true);
      await page.context().close();
    },
  );

  it(
    "lists a finished build while the page's data is slow to come, and still lets the user leave the page",
    { timeout: 240_000 },
    async () => {
      const page = await signIn("copy@studio.local", "demo-copy-2026");
      const bookUrl = await openDemoBook(page);
      // The book's data answers 2.5 s late (a busy server, a phone network): the build panel's
      // one-second poll must not cancel its own reload, nor a navigation, again and again.
      await page.route(
        (url) => url.searchParams.get("_data") === "routes/_app.ebooks.$id",
        async (route) => {
          if (route.request().method() !== "GET") return route.continue();
          const response = await route.fetch();
          await new Promise((resolve) => setTimeout(resolve, 2_500));
          await route.fulfill({ response });
        },
      );
      const before = await page.locator('[data-testid^="build-row-"]').count();
      const bookId = new URL(bookUrl).pathname.split("/").pop();
      const builds = async () =>
        (
          (await (await page.request.get(`${baseUrl}/api/v1/ebooks/${bookId}/builds`)).json()) as {
            items: unknown[];
          }
        ).items.length;
      const buildsBefore = await builds();
      await page.getByTestId("build-screen").click();
      // The worker may be busy with other jobs first; once the build exists, the page has 20 s.
      await expect.poll(builds, { timeout: 200_000, interval: 1_000 }).toBeGreaterThan(buildsBefore);
      await expect
        .poll(() => page.locator('[data-testid^="build-row-"]').count(), { timeout: 20_000 })
        .toBeGreaterThan(before);
      await expect.poll(() => activeJobs(page), { timeout: 20_000 }).toBe(0);

      // Leaving for a chapter while the book's data is still slow.
      await page.locator('[data-testid^="chapter-link-"]').first().click();
      await page.waitForURL(/\/chapters\/\d+$/, { timeout: 20_000 });
      expect(page.url().startsWith(bookUrl)).toBe(true);
      await page.context().close();
    },
  );
});
