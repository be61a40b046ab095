import { describe, expect, it } from "vitest";
import { isBotAgent } from "./bots";

const PHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const DOUYIN_WEBVIEW =
  "Mozilla/5.0 (Linux; Android 13; V2227A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/99.0.4844.88 Mobile Safari/537.36 aweme_260600 JsSdk/1.0 NetType/WIFI Channel/douyin_a AppName/aweme";

describe("bot filter", () => {
  it("lets phones and the Douyin in-app browser through", () => {
    expect(isBotAgent(PHONE)).toBe(false);
    expect(isBotAgent(DOUYIN_WEBVIEW)).toBe(false);
  });

  it("stops Chinese crawlers, headless browsers and requests without an agent", () => {
    for (const agent of [
      "Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)",
      "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
      "Mozilla/5.0 (compatible;PetalBot;+https://webmaster.petalsearch.com/site/petalbot)",
      "YisouSpider",
      "Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
      "curl/8.5.0",
      "",
      null,
    ])
      expect(isBotAgent(agent), String(agent)).toBe(true);
  });
});
