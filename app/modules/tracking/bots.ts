import { isbot } from "isbot";

/**
 * Crawlers that matter in China and automation that `isbot` does not name (or names only in some
 * versions): ByteDance, Baidu, Huawei, Shenma and Sogou crawlers, and headless browsers.
 */
const MORE_BOTS =
  /bytespider|baiduspider|petalbot|yisouspider|sogou|headless|phantomjs|slimerjs|puppeteer|playwright|selenium|lighthouse/i;

/** A request without a user agent is a script, not a person. */
export function isBotAgent(userAgent: string | null | undefined): boolean {
  const agent = userAgent?.trim();
  if (!agent) return true;
  return isbot(agent) || MORE_BOTS.test(agent);
}
