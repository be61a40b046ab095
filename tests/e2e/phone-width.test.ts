import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { E2E_ADMIN } from "../setup/studio-server";
import { withBrowser } from "../setup/e2e-browser";

const { baseUrl, signIn } = withBrowser();
const PHONE = { width: 390, height: 844 };
// Kept after the run for a person to look at; the folder is ignored by git.
const ARTIFACTS = path.resolve("test-artifacts/phone-width");
const MIN_FONT_PX = 12;

const ROLES = [
  ["copywriter", "copy@studio.local", "demo-copy-2026"],
  ["editor", "editor@studio.local", "demo-editor-2026"],
  ["host", "host@studio.local", "demo-host-2026"],
  ["producer", "producer@studio.local", "demo-producer-2026"],
  ["analyst", "analyst@studio.local", "demo-analyst-2026"],
  ["admin", E2E_ADMIN.email, E2E_ADMIN.password],
] as const;

interface Layout {
  scrollWidth: number;
  viewport: number;
  /** Elements reaching past the right edge (what made the page wider). */
  wide: string[];
  /** Visible text under the minimum size. */
  small: string[];
}

/** What a person on a phone would see wrong: a page wider than the screen, or text too small. */
function measure(page: Page): Promise<Layout> {
  return page.evaluate((minFont) => {
    const viewport = window.innerWidth;
    const wide: string[] = [];
    const small: string[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}.${String(el.getAttribute("class") ?? "").slice(0, 60)} "${(el.textContent ?? "").trim().slice(0, 24)}"`;
    for (const el of document.body.querySelectorAll("*")) {
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || Number(style.opacity) === 0) continue;
      if (rect.right > viewport + 1 && style.position !== "fixed") wide.push(describe(el));
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (ownText && parseFloat(style.fontSize) < minFont) small.push(`${style.fontSize} ${describe(el)}`);
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      viewport,
      wide: wide.slice(0, 5),
      small: small.slice(0, 5),
    };
  }, MIN_FONT_PX);
}

async function check(page: Page, url: string, shot: string) {
  const answer = await page.goto(`${baseUrl}${url}`, { waitUntil: "load" });
  expect(answer?.status(), url).toBeLessThan(400);
  // The first screen, as the phone shows it (a whole long page costs seconds to capture).
  await page.screenshot({ path: path.join(ARTIFACTS, `${shot}.png`) });
  const layout = await measure(page);
  expect(await page.locator('meta[name="viewport"]').count(), `${url}: one viewport tag`).toBe(1);
  expect(
    layout.scrollWidth,
    `${url} is wider than the phone: ${layout.wide.join(" | ")}`,
  ).toBeLessThanOrEqual(layout.viewport);
  expect(layout.small, `${url} has text under ${MIN_FONT_PX} px`).toEqual([]);
}

/** The five pages that export their own meta (and once dropped the viewport tag). */
async function ownMetaPages(page: Page): Promise<Array<[string, string]>> {
  const get = async <T>(url: string) => (await (await page.request.get(`${baseUrl}${url}`)).json()) as T;
  const shows = await get<{ items: { id: number; liveStatus: string }[] }>("/api/v1/livestreams");
  const show = shows.items.find((s) => s.liveStatus !== "ended") ?? shows.items[0];
  const books = await get<{ items: { id: number }[] }>("/api/v1/ebooks");
  const book = await get<{ sections: { chapters: { id: number }[] }[] }>(
    `/api/v1/ebooks/${books.items[0].id}`,
  );
  const episodes = await get<{ items: { id: number; columnId: number | null }[] }>(
    "/api/v1/pieces?kind=episode&pageSize=100",
  );
  // A column's episode (with media) opens the episode page.
  const episode = episodes.items.find((e) => e.columnId !== null) ?? episodes.items[0];
  const published = await get<{ items: { slug: string }[] }>("/api/v1/pieces?status=published");
  return [
    [`/episodes/${episode.id}`, "episode"],
    [`/ebooks/${books.items[0].id}`, "ebook"],
    [`/ebooks/${books.items[0].id}/chapters/${book.sections[0].chapters[0].id}`, "chapter"],
    [`/livestreams/${show.id}/prompter`, "prompter"],
    [`/p/${published.items[0].slug}?src=douyin-main`, "landing"],
  ];
}

describe("every page at phone width (390 × 844)", () => {
  it("is no wider than the screen and has no text under 12 px, for every role's navigation and the own-meta pages", async () => {
    fs.rmSync(ARTIFACTS, { recursive: true, force: true });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    // Each page other than the home page is checked once, as the first role that has it in its
    // navigation; the home page differs by role and is checked as every role.
    const claimed = new Set<string>();
    const checked: string[] = [];
    const asRole = async ([role, email, password]: (typeof ROLES)[number]) => {
      const page = await signIn(email, password, PHONE);
      await page.locator('nav a[href="/"]').waitFor({ state: "attached" });
      const nav = await page
        .locator("nav a[href]")
        .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      expect(nav, `${role} has a home page`).toContain("/");
      const mine = nav.filter((h) => h === "/" || !claimed.has(h));
      mine.forEach((h) => claimed.add(h));
      for (const href of mine) {
        await check(page, href, `${role}${href === "/" ? "-home" : href.replace(/\//g, "-")}`);
        checked.push(href);
      }
      if (role === "editor")
        for (const [url, shot] of await ownMetaPages(page)) {
          await check(page, url, `own-meta-${shot}`);
          checked.push(url);
        }
      await page.context().close();
    };
    // Two sessions at a time, as two people on two phones: the server and the browser share two cores.
    const queue = [...ROLES];
    await Promise.all(
      [0, 1].map(async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await asRole(next);
      }),
    );
    expect(checked.length).toBeGreaterThan(20);
    expect(checked.filter((h) => h === "/")).toHaveLength(ROLES.length);
  });
});
