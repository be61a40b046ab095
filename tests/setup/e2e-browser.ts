import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { launchBrowser, signIn, submitSignIn } from "./browser";

type Viewport = { width: number; height: number };

/**
 * One browser for the calling file's browser tests, launched before them and closed after them,
 * on the studio the e2e run started. Each sign-in opens its own context, as on its own device.
 */
export function withBrowser() {
  const baseUrl = inject("baseUrl");
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const running = () => {
    if (!browser) throw new Error("The browser runs only while the file's tests run.");
    return browser;
  };
  return {
    baseUrl,
    /** Signs in and waits until the studio has left the sign-in page. */
    signIn: (email: string, password: string, viewport?: Viewport): Promise<Page> =>
      signIn(running(), baseUrl, email, password, viewport),
    /** Fills and submits the sign-in form, without waiting for where it leads. */
    submitSignIn: (email: string, password: string, viewport?: Viewport): Promise<Page> =>
      submitSignIn(running(), baseUrl, email, password, viewport),
  };
}
