import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless; the flags keep it off the network it cannot reach here. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

const DEFAULT_VIEWPORT = { width: 1366, height: 900 };

/** A fresh browser context (no cookies) with the sign-in form filled and submitted. */
export async function submitSignIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
  viewport = DEFAULT_VIEWPORT,
): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", viewport });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.log("page error:", e.message));
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  return page;
}

/** Signs in and waits until the studio has left the sign-in page. */
export async function signIn(...args: Parameters<typeof submitSignIn>): Promise<Page> {
  const page = await submitSignIn(...args);
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return page;
}

/**
 * Waits until React has taken the page over (the root marks the document then). Keys typed
 * before that land in the field but never reach the page's state, and a slow machine can take
 * seconds after the network is idle.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true", undefined, {
    timeout: 30_000,
  });
}
