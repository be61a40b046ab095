import { describe, expect, it } from "vitest";
import { withBrowser } from "../setup/e2e-browser";

const { baseUrl, signIn } = withBrowser();

describe("articles in a real browser", () => {
  it("counts as typed, previews a testimonial on the phone, and refuses a short 易车 article at review with the count", async () => {
    const page = await signIn("copy@studio.local", "demo-copy-2026");
    await page.goto(`${baseUrl}/articles`);
    await page.getByTestId("new-article-title").fill("端到端：春季保养小贴士");
    // 易车 is the form's default channel.
    await page.getByTestId("create-article").click();
    await page.waitForURL(/\/articles\/\d+$/);

    const body = page.getByTestId("article-body");
    // Filled again until the page has hydrated: text typed before that never reaches React's state.
    await expect
      .poll(async () => {
        await body.fill("春季到店保养，先查轮胎。");
        return page.getByTestId("article-count").textContent();
      })
      .toBe("正文 12 / 2,000 字");
    await page.getByTestId("insert-testimonial").click();
    await expect.poll(() => page.getByTestId("article-problem").count()).toBeGreaterThan(0);
    await body.fill(
      "春季到店保养，先查轮胎。\n\n```车主证言\n车主：陈女士\n车型：2022款 途观L\n证言：检查很仔细。\n```",
    );
    const preview = page.getByTestId("article-preview");
    await expect
      .poll(() => preview.locator(".article-testimonial figcaption").textContent())
      .toContain("陈女士");
    await expect.poll(() => page.getByTestId("article-count").textContent()).toBe("正文 29 / 2,000 字");
    await expect
      .poll(() => page.getByTestId("article-problem").textContent())
      .toBe("正文 29 字，易车要求至少 2,000 字。");

    await page.getByTestId("save-article").click();
    await expect.poll(() => page.getByText("已保存。").count()).toBeGreaterThan(0);
    await page.getByTestId("submit-article").click();
    await expect
      .poll(() => page.getByTestId("submit-error").textContent())
      .toBe("正文 29 字，易车要求至少 2,000 字。");
  });
});
