import { expect, it } from "vitest";
import { translator } from "~/i18n/i18n";
import { waitedFor } from "./first-contact-badge";

it("says a long wait in hours and days, not thousands of minutes, in both languages", () => {
  const zh = translator("zh");
  const en = translator("en");
  expect(waitedFor(zh, 14)).toBe("14 分钟");
  expect(waitedFor(zh, 185)).toBe("3 小时 5 分");
  expect(waitedFor(zh, 129_367)).toBe("89 天 20 小时");
  expect(waitedFor(en, 1)).toBe("1 minute");
  expect(waitedFor(en, 60)).toBe("1 h 0 min");
  expect(waitedFor(en, 24 * 60)).toBe("1 d 0 h");
});
