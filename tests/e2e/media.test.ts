import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLavfiClip } from "~/modules/media/make-sample-clips.server";
import { withBrowser } from "../setup/e2e-browser";

const { baseUrl, signIn } = withBrowser();
let dir: string;
let clip: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "media-e2e-"));
  const made = await makeLavfiClip({
    outputPath: path.join(dir, "门店外景.mp4"),
    spec: { video: "testsrc2=s=320x240:r=25", audio: "sine=frequency=440", seconds: 1 },
  });
  if (!made.ok) throw new Error(made.message);
  clip = made.path;
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("short-video episodes in a real browser", () => {
  it("copywriter opens a demo episode, adds a script line with a live total, and uploads a clip with progress", async () => {
    const page = await signIn("copy@studio.local", "demo-copy-2026");
    const context = page.context();

    await page.goto(`${baseUrl}/columns`);
    await page.getByRole("link", { name: "一分钟识车" }).click();
    await page.waitForURL(/\/columns\/\d+$/);
    await page.getByRole("link", { name: /第4集/ }).click();
    await page.waitForURL(/\/episodes\/\d+$/);

    const total = page.locator('[data-testid="script-total"]');
    await expect.poll(() => total.textContent()).toContain("55 / 60");
    const lines = await page.locator('[data-testid="script-line"]').count();
    await page.click('[data-testid="add-line"]');
    await expect.poll(() => page.locator('[data-testid="script-line"]').count()).toBe(lines + 1);
    // A new line starts at 3 s: the running total moves without a round trip.
    await expect.poll(() => total.textContent()).toContain("58 / 60");
    const last = page.locator('[data-testid="script-line"]').last();
    await last.locator('[data-testid="line-voiceover"]').fill("一二三四五六七八九十一二三四五六");
    await expect.poll(() => last.locator('[data-testid="line-speed"]').textContent()).toContain("5.3");
    await last.locator('[data-testid="line-seconds"]').fill("8");
    await expect
      .poll(() => page.locator('[data-testid="script-total-label"]').textContent())
      .toContain("超出 3 秒");

    const before = await page.locator('[data-testid="clip-row"]').count();
    await page.locator('input[type="file"]').setInputFiles(clip);
    await expect
      .poll(() => page.locator('[data-testid="clip-row"]').count(), { timeout: 30_000 })
      .toBe(before + 1);
    await expect
      .poll(() => page.locator('[data-testid="clip-row"]').last().textContent())
      .toContain("门店外景.mp4");
    await context.close();
  });
});

describe("errors where the user acted, and a short script's choice", () => {
  it("says a refused 提交审核 under the button and on the line at fault, and keeps the 补齐/缩短 choice", async () => {
    const page = await signIn("copy@studio.local", "demo-copy-2026");
    await page.goto(`${baseUrl}/columns`);
    await page.getByRole("link", { name: "一分钟识车" }).click();
    await page.waitForURL(/\/columns\/\d+$/);
    await page.getByPlaceholder("标题").fill("报错位置测试");
    await page.getByRole("button", { name: "新建一集" }).click();
    await page.waitForURL(/\/episodes\/\d+$/);

    // An empty script leaves the whole body silent: the warning offers the choice, 补齐 by default.
    const short = page.locator('[data-testid="script-short"]');
    await expect.poll(() => short.getAttribute("data-fit")).toBe("pad");
    await page.getByText("缩短", { exact: true }).click();
    await expect.poll(() => short.getAttribute("data-fit")).toBe("shorten");
    await page.reload();
    await expect.poll(() => short.getAttribute("data-fit")).toBe("shorten");

    await page.click('[data-testid="add-line"]');
    const line = page.locator('[data-testid="script-line"]').last();
    await line.locator('[data-testid="line-voiceover"]').fill("到店报暗号立减五百");
    await line.locator('[data-testid="line-seconds"]').fill("60");
    await page.click('[data-testid="save-script"]');
    await page.locator('[data-testid="script-saved"]').waitFor();
    await page.click('[data-testid="submit-episode"]');

    const refused = page.locator('[data-testid="submit-error"]');
    await expect.poll(() => refused.textContent()).toContain("超过栏目时长 60 秒");
    await expect.poll(() => line.getAttribute("data-invalid")).toBe("true");
    expect(await line.locator('[data-testid="line-error"]').textContent()).toBe(await refused.textContent());
    expect(await page.locator('[data-testid="episode-error"]').count()).toBe(0);
    expect(await page.locator("main").textContent()).toContain("草稿");
    // Once the script is edited the line numbers may no longer match: the line stops saying it.
    await line.locator('[data-testid="line-seconds"]').fill("50");
    await expect.poll(() => line.locator('[data-testid="line-error"]').count()).toBe(0);
    expect(await refused.count()).toBe(1);
    await page.context().close();
  });
});
