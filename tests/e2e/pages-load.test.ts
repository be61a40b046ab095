import { describe, expect, it } from "vitest";
import { withBrowser } from "../setup/e2e-browser";

const { baseUrl, signIn } = withBrowser();
// Every screen an editor opens in a day. A route module that throws while the browser loads it
// still renders on the server, so only a real browser notices that the page never hydrated (each
// signed-in `goto` waits for hydration and fails when it never comes, tests/setup/browser.ts); and a
// page whose own meta drops the viewport tag is laid out 980 px wide on a phone.
const PAGES = [
  "/",
  "/pieces",
  "/posters",
  "/brand-kit",
  "/pieces/1",
  "/columns",
  "/columns/1",
  "/episodes/13",
  "/livestreams",
  "/livestreams/14",
  "/ebooks",
  "/ebooks/10",
  "/articles",
  "/articles/8",
  "/calendar",
  "/channels",
  "/channels/douyin-main",
  "/feeds",
  "/terms",
  "/terms/originality",
  "/imports",
  "/imports/new",
  "/imports/1",
  "/imports/aliases",
  "/privacy",
  "/account",
  "/notifications",
  "/analytics",
  "/analytics/columns",
  "/analytics/channels",
  "/analytics/owners",
  "/analytics/livestreams",
  "/analytics/campaigns",
  "/analytics/pieces/13",
  "/leads",
  "/leads/1",
];

describe("every page loads in the browser without a script error", () => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    it(`at ${viewport.width} px`, { timeout: 240_000 }, async () => {
      const page = await signIn("editor@studio.local", "demo-editor-2026", viewport);
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
      for (const path of PAGES) {
        const answer = await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
        expect(answer?.status(), path).toBeLessThan(400);
        // Exactly one phone viewport, whatever the page's own meta says.
        expect(await page.locator('meta[name="viewport"]').count(), path).toBe(1);
      }
      // The public landing page of a published demo piece of each kind the demo has.
      const published = (await (
        await page.request.get(`${baseUrl}/api/v1/pieces?status=published`)
      ).json()) as {
        items: { kind: string; slug: string }[];
      };
      const landings = [
        ...new Map(published.items.map((p) => [p.kind, `/p/${p.slug}?src=douyin-main`])).values(),
      ];
      expect(landings.length).toBeGreaterThan(0);
      for (const path of landings) {
        const answer = await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
        expect(answer?.status(), path).toBeLessThan(400);
        expect(await page.locator('meta[name="viewport"]').count(), path).toBe(1);
        expect(await page.getByTestId("lead-form").count(), path).toBe(1);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
