import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeLavfiClip } from "~/modules/media/make-sample-clips.server";
import { withBrowser } from "../setup/e2e-browser";
import { publish, renderedEpisode, visitorContext } from "./landing-helpers";

const { baseUrl, signIn } = withBrowser();
const dataDir = inject("dataDir");
let dir: string;
let clip: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracking-path-e2e-"));
  const made = await makeLavfiClip({
    outputPath: path.join(dir, "试驾.mp4"),
    spec: { video: "testsrc2=s=360x640:r=25", audio: "sine=frequency=330", seconds: 3 },
  });
  if (!made.ok) throw new Error(made.message);
  clip = made.path;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Metrics {
  views: number;
  plays: number;
  completes: number;
  completionRate: number | null;
  leads: number;
  bySource: { source: string; views: number; plays: number; completes: number; leads: number }[];
}

describe("the whole path in a real browser", () => {
  it(
    "a visitor from Douyin plays a published episode to the end and leaves a number; the piece's dashboard shows the completion and the lead",
    { timeout: 360_000 },
    async () => {
      const editor = await signIn("editor@studio.local", "demo-editor-2026");
      const episode = await renderedEpisode(editor, {
        baseUrl,
        dataDir,
        clip,
        title: `试驾邀约 ${Date.now()}`,
      });
      await publish(editor, baseUrl, episode.id);
      const browser = editor.context().browser()!;
      await editor.context().close();

      const analyst = await signIn("analyst@studio.local", "demo-analyst-2026");
      const metrics = async () =>
        (await (
          await analyst.request.get(`${baseUrl}/api/v1/pieces/${episode.id}/metrics`)
        ).json()) as Metrics;

      const visitor = await visitorContext(browser);
      const page = await visitor.newPage();
      await page.goto(`${baseUrl}/p/${episode.slug}?src=douyin-main`);
      // The tracker watches the player once the page has hydrated, and its first act is the page
      // view: played before that, the play event would be missed on a slow machine.
      await expect.poll(async () => (await metrics()).views).toBe(1);
      await page.evaluate(async () => {
        const player = document.querySelector("video")!;
        player.muted = true;
        await player.play();
      });
      await page.waitForFunction(() => document.querySelector("video")!.ended, null, { timeout: 30_000 });
      await page.getByTestId("lead-phone").fill("13900139000");
      await page.getByTestId("lead-consent").check();
      await page.getByTestId("lead-submit").click();
      await expect.poll(() => page.getByTestId("lead-done").textContent()).toContain("139****9000");
      await visitor.close();

      await expect.poll(async () => (await metrics()).completes).toBe(1);
      const figures = await metrics();
      expect(figures).toMatchObject({ views: 1, plays: 1, completes: 1, completionRate: 1, leads: 1 });
      expect(figures.bySource).toEqual([
        expect.objectContaining({ source: "douyin-main", views: 1, plays: 1, completes: 1, leads: 1 }),
      ]);
      // What the analyst reads: the piece's dashboard page shows the completion and the lead.
      await analyst.goto(`${baseUrl}/analytics/pieces/${episode.id}`);
      await expect.poll(() => analyst.getByTestId("figure-completion").textContent()).toBe("100.0%");
      expect(await analyst.getByTestId("figure-plays").textContent()).toBe("1");
      expect(await analyst.getByTestId("figure-leads").textContent()).toBe("1");
      expect(await analyst.getByTestId("figure-lead-rate").textContent()).toBe("100.0%");
      await analyst.context().close();
    },
  );
});
