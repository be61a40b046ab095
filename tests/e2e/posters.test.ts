import { describe, expect, it } from "vitest";
import { withBrowser } from "../setup/e2e-browser";

const { baseUrl, signIn } = withBrowser();

describe("posters in a real browser", () => {
  it("fills a template and sees the server-drawn preview change, and a field that cannot fit named", async () => {
    const page = await signIn("copy@studio.local", "demo-copy-2026");
    await page.goto(`${baseUrl}/posters`);
    await page.getByRole("link", { name: "年终购车节海报" }).first().click();
    await page.waitForURL(/\/posters\/\d+$/);
    // Typing before React hydrates would not reach the preview.
    await page.waitForLoadState("networkidle");
    const preview = page.getByTestId("poster-preview");
    await expect.poll(() => preview.getAttribute("data-src"), { timeout: 20_000 }).toContain("headline=");
    const before = await preview.getAttribute("src");

    const headline = page.getByTestId("field-headline");
    await headline.fill("周末到店试驾送好礼");
    await expect
      .poll(() => preview.getAttribute("data-src"), { timeout: 20_000 })
      .toContain(encodeURIComponent("周末到店试驾送好礼").replace(/%20/g, "+"));
    await expect.poll(() => preview.getAttribute("src"), { timeout: 20_000 }).not.toBe(before);

    await headline.fill("年终购车节".repeat(6));
    await expect
      .poll(() => page.getByTestId("preview-error").textContent(), { timeout: 20_000 })
      .toContain("主标题");
  });
});
