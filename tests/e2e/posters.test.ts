import { describe, expect, it } from "vitest";
import { waitForHydration } from "../setup/browser";
import { withBrowser } from "../setup/e2e-browser";

const { baseUrl, signIn } = withBrowser();

describe("posters in a real browser", () => {
  it("fills a template and sees the server-drawn preview change, and a field that cannot fit named", async () => {
    const page = await signIn("copy@studio.local", "demo-copy-2026");
    await page.goto(`${baseUrl}/posters`);
    await page.getByRole("link", { name: "年终购车节海报" }).first().click();
    await page.waitForURL(/\/posters\/\d+$/);
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

  it("picks the brand kit's font: the sample shows the face before saving, the save keeps it", async () => {
    const page = await signIn("editor@studio.local", "demo-editor-2026");
    await page.goto(`${baseUrl}/brand-kit`);
    const sample = page.getByTestId("font-sample");
    const drawn = () => sample.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth);
    await expect.poll(() => sample.getAttribute("src")).toContain("font=noto_sans_sc");
    await expect.poll(drawn, { timeout: 20_000 }).toBe(720);

    const pick = async (label: string) => {
      await page.getByRole("textbox", { name: "字体" }).click();
      await page.getByRole("option", { name: label }).click();
    };
    await pick("思源宋体（Noto Serif SC）");
    await expect.poll(() => sample.getAttribute("src")).toContain("font=noto_serif_sc");
    await expect.poll(drawn, { timeout: 30_000 }).toBe(720);
    await page.getByTestId("save-brand-kit").click();
    await expect.poll(() => page.getByText("已保存。").count(), { timeout: 20_000 }).toBe(1);

    await page.reload();
    await waitForHydration(page);
    await expect
      .poll(() => page.getByRole("textbox", { name: "字体" }).inputValue())
      .toBe("思源宋体（Noto Serif SC）");

    // The demo's kit goes back to its default face for the tests after this one.
    await pick("思源黑体（Noto Sans SC）");
    await page.getByTestId("save-brand-kit").click();
    await expect.poll(() => page.getByText("已保存。").count(), { timeout: 20_000 }).toBe(1);
  });
});
