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
  watchConsole(page);
  // Every studio page this page opens is used only once React has taken it over: a click or a
  // key before that reaches the server-drawn HTML and is lost (a closed select, an empty preview).
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    if (response?.headers()["content-type"]?.startsWith("text/html")) await waitForHydration(page);
    return response;
  };
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  return page;
}

/** Signs in and waits until the studio has left the sign-in page and its next page has hydrated. */
export async function signIn(...args: Parameters<typeof submitSignIn>): Promise<Page> {
  const page = await submitSignIn(...args);
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  await waitForHydration(page);
  return page;
}

/** The last console lines and failed requests of each page, for a failure to quote. */
const pageLogs = new WeakMap<Page, string[]>();

function watchConsole(page: Page) {
  const lines: string[] = [];
  pageLogs.set(page, lines);
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > 40) lines.shift();
  };
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning")
      keep(`console.${m.type()}: ${m.text().slice(0, 300)}`);
  });
  page.on("requestfailed", (r) => keep(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
}

/**
 * Waits until React has taken the page over (the root marks the document then). Keys typed
 * before that land in the field but never reach the page's state, and a slow machine can take
 * seconds after the network is idle. A page that never hydrates fails with what the browser knew.
 */
export async function waitForHydration(page: Page): Promise<void> {
  try {
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true", undefined, {
      timeout: 60_000,
    });
  } catch (error) {
    const state = await page
      .evaluate(() => ({
        url: location.href,
        readyState: document.readyState,
        remixContext: "__remixContext" in window,
        remixRouter: "__remixRouter" in window,
        scripts: performance
          .getEntriesByType("resource")
          .filter((e) => e.name.endsWith(".js"))
          .map((e) => {
            const r = e as PerformanceResourceTiming;
            return `${r.name.replace(location.origin, "")} ${Math.round(r.duration)}ms ${r.responseStatus ?? ""}`;
          }),
      }))
      .catch((e: Error) => ({ evaluateFailed: e.message }));
    throw new Error(
      `The page did not hydrate in 60 s: ${JSON.stringify(state)}\n${(pageLogs.get(page) ?? []).join("\n")}`,
      { cause: error },
    );
  }
}
