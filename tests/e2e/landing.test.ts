import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeLavfiClip } from "~/modules/media/make-sample-clips.server";
import { withBrowser } from "../setup/e2e-browser";
import {
  createPiece,
  publish,
  publishedBook,
  publishedShow,
  query,
  renderedEpisode,
  visitorContext,
  type CreatedPiece,
} from "./landing-helpers";

const { baseUrl, signIn } = withBrowser();
const dataDir = inject("dataDir");
let dir: string;
let clip: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "landing-e2e-"));
  const made = await makeLavfiClip({
    outputPath: path.join(dir, "门店外景.mp4"),
    spec: { video: "testsrc2=s=360x640:r=25", audio: "sine=frequency=440", seconds: 3 },
  });
  if (!made.ok) throw new Error(made.message);
  clip = made.path;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const eventsOf = (pieceId: number) =>
  query<{ type: string; source: string; utm_campaign: string | null; watch_seconds: number | null }>(
    dataDir,
    "select type, source, utm_campaign, watch_seconds from tracking_events where piece_id = ? order by id",
    pieceId,
  );

async function answer(url: string) {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

describe("public landing pages in a real browser", () => {
  let editor: Awaited<ReturnType<typeof signIn>>;
  let browser: Browser;
  let episode: CreatedPiece;

  beforeAll(async () => {
    editor = await signIn("editor@studio.local", "demo-editor-2026");
    browser = editor.context().browser()!;
    episode = await renderedEpisode(editor, { baseUrl, dataDir, clip, title: `落地页短视频 ${Date.now()}` });
  });
  afterAll(async () => {
    await editor.context().close();
  });

  it("answers an unpublished piece's page, video and cover exactly like an unknown slug", async () => {
    // The episode has a finished render, so only its status keeps it private.
    for (const suffix of ["", "/video", "/cover"]) {
      const unknown = await answer(`${baseUrl}/p/no-such-piece${suffix}`);
      expect(unknown.status, suffix).toBe(404);
      const draft = await answer(`${baseUrl}/p/${episode.slug}${suffix}`);
      expect(draft, suffix).toEqual(unknown);
    }
    for (const bad of ["../../etc", "UPPER", "a".repeat(41)])
      expect((await answer(`${baseUrl}/p/${encodeURIComponent(bad)}`)).status, bad).toBe(404);
    const context = await visitorContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/p/${episode.slug}?src=douyin-main`);
    expect(await page.getByTestId("landing-not-found").textContent()).toContain("页面不存在");
    expect(await page.getByTestId("lead-form").count()).toBe(0);
    await context.close();
  });

  it("plays a published episode's render and sends its events with the page's src and UTM", async () => {
    await publish(editor, baseUrl, episode.id);
    // The player seeks with byte ranges.
    const range = await fetch(`${baseUrl}/p/${episode.slug}/video`, { headers: { Range: "bytes=0-99" } });
    expect(range.status).toBe(206);
    expect(range.headers.get("Content-Range")).toMatch(/^bytes 0-99\/\d+$/);
    expect((await range.arrayBuffer()).byteLength).toBe(100);
    expect(
      (await fetch(`${baseUrl}/p/${episode.slug}/video`, { headers: { Range: "bytes=999999999-" } })).status,
    ).toBe(416);
    const cover = await fetch(`${baseUrl}/p/${episode.slug}/cover`);
    expect(cover.headers.get("Content-Type")).toBe("image/jpeg");

    const context = await visitorContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/p/${episode.slug}?src=douyin-main&utm_campaign=winter-tires`);
    const video = page.getByTestId("landing-video");
    expect(await video.getAttribute("src")).toBe(`/p/${episode.slug}/video?v=1`);
    expect(await video.getAttribute("poster")).toBe(`/p/${episode.slug}/cover?v=1`);
    expect(await page.locator("h1").textContent()).toContain("落地页短视频");
    expect(await page.getByTestId("lead-consent").isChecked()).toBe(false);
    await expect.poll(() => eventsOf(episode.id).map((e) => e.type)).toContain("page_view");

    await page.evaluate(async () => {
      const player = document.querySelector("video")!;
      player.muted = true;
      await player.play();
    });
    await page.waitForFunction(() => document.querySelector("video")!.ended, null, { timeout: 30_000 });
    await expect
      .poll(() =>
        eventsOf(episode.id)
          .map((e) => e.type)
          .sort(),
      )
      .toEqual(["complete", "page_view", "play", "progress_25", "progress_50", "progress_75"]);
    const rows = eventsOf(episode.id);
    for (const row of rows)
      expect(row).toMatchObject({ source: "douyin-main", utm_campaign: "winter-tires" });
    expect(rows.find((e) => e.type === "complete")!.watch_seconds).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps an e-book's download behind the lead form, checks the phone and the consent in the page, then offers the download", async () => {
    const book = await publishedBook(editor, baseUrl, `雨季秘籍 ${Date.now()}`);
    const context = await visitorContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/p/${book.slug}?src=ebook-${book.id}`);
    expect(await page.getByTestId("public-cover").textContent()).toContain("雨季秘籍");
    expect(await page.getByTestId("public-download").count()).toBe(0);
    expect(await page.locator('a[href*="/download"]').count()).toBe(0);

    // A bad number and a missing consent are refused at their fields, before anything is sent.
    await page.getByTestId("lead-phone").fill("1381234567");
    await page.getByTestId("lead-submit").click();
    expect(await page.getByTestId("lead-phone-error").textContent()).toContain("11 位");
    expect(await page.getByTestId("lead-consent-error").textContent()).toContain("勾选同意");
    await page.getByTestId("lead-phone").fill("138 0013 8000");
    await page.getByTestId("lead-submit").click();
    expect(await page.getByTestId("lead-phone-error").count()).toBe(0);
    expect(await page.getByTestId("lead-consent-error").count()).toBe(1);
    expect(query(dataDir, "select id from leads where piece_id = ?", book.id)).toHaveLength(0);

    await page.getByTestId("lead-name").fill("王先生");
    await page.getByTestId("lead-consent").check();
    await page.getByTestId("lead-submit").click();
    await expect.poll(() => page.getByTestId("lead-done").textContent()).toContain("138****8000");
    const link = page.getByTestId("public-download");
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(new RegExp(`^/p/${book.slug}/download\\?t=`));
    const pdf = await fetch(`${baseUrl}${href}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    await link.click();
    expect(query(dataDir, "select source from leads where piece_id = ?", book.id)).toEqual([
      { source: `ebook-${book.id}` },
    ]);
    await expect
      .poll(() =>
        eventsOf(book.id)
          .map((e) => e.type)
          .sort(),
      )
      .toEqual(["download", "form_start", "lead", "page_view"]);
    await context.close();
  });

  it("shows a poster's QR landing with its copy and the consultant its code names, and a livestream's start in the studio's time", async () => {
    const poster = await createPiece(editor, baseUrl, {
      kind: "poster",
      title: `透明车间开放日 ${Date.now()}`,
      body: "玻璃房透明车间开放日！\n\n现场看技师换机油，参与互动即送原厂玻璃水一瓶。",
    });
    await publish(editor, baseUrl, poster.id);
    const producer = await signIn("producer@studio.local", "demo-producer-2026");
    // 12:00 UTC is 20:00 in Shanghai, the studio's zone.
    const show = await publishedShow(producer, editor, baseUrl, {
      title: `年中粉丝夜 ${Date.now()}`,
      startsAt: "2027-01-16T12:00:00.000Z",
    });
    await producer.context().close();

    const context = await visitorContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/p/${poster.slug}?src=poster-${poster.id}-wangfang`);
    expect(await page.getByTestId("landing-copy").textContent()).toContain("原厂玻璃水");
    expect(await page.getByTestId("landing-consultant").textContent()).toContain("wangfang");
    await page.goto(`${baseUrl}/p/${poster.slug}`);
    expect(await page.getByTestId("landing-consultant").count()).toBe(0);

    await page.goto(`${baseUrl}/p/${show.slug}?src=live-${show.id}`);
    expect(await page.getByTestId("live-starts").textContent()).toContain("1月16日 20:00");
    expect(await page.getByTestId("live-products").locator("li").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("lead-form").textContent()).toContain("预约直播提醒");
    await expect
      .poll(() => eventsOf(show.id).map((e) => `${e.type}:${e.source}`))
      .toEqual([`page_view:live-${show.id}`]);
    await context.close();
  });
});
