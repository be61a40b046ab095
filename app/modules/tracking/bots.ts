import { isbot } from "isbot";

/**
 * Crawlers that matter in China and automation that `isbot` does not name (or names only in some
 * versions): ByteDance, Baidu, Huawei, Shenma and Sogou crawlers, and headless browsers.
 */
const MORE_BOTS =
  /bytespider|baiduspider|petalbot|yisouspider|sogou|headless|phantomjs|slimerjs|puppeteer|playwright|selenium|lighthouse/i;

/**
 * The answers for the user agents seen lately: the same few phones send most beacons, and isbot's
 * pattern is long. Forgotten whole when it holds 1,000.
 */
const seen = new Map<string, boolean>();

/** A request without a user agent is a script, not a person. */
export function isBotAgent(userAgent: string | null | undefined): boolean {
  const agent = userAgent?.trim();
  if (!agent) return true;
  let bot = seen.get(agent);
  if (bot === undefined) {
    bot = isbot(agent) || MORE_BOTS.test(agent);
    if (seen.size >= 1_000) seen.clear();
    seen.set(agent, bot);
  }
  return bot;
}
