import { describe, expect, it } from "vitest";
import {
  captionTitle,
  charCount,
  checkCaption,
  checkKind,
  checkPublishTime,
  isHttpUrl,
  isWallTime,
} from "./slot-rules";

const douyin = { name: "抖音主号", titleMax: 55, captionMax: 1000, hashtagMax: 5 };

describe("caption rules", () => {
  it("counts characters as readers do", () => {
    expect(charCount("原厂零件")).toBe(4);
    expect(charCount("🚗车")).toBe(2);
  });

  it("takes the post's title from the caption's first line", () => {
    expect(captionTitle("  第一行标题 \n正文")).toBe("第一行标题");
  });

  it("refuses a caption over the limit, a first line over the title limit, too many hashtags", () => {
    expect(checkCaption("短标题\n正文 #一 #二", douyin)).toBeNull();
    expect(checkCaption("字".repeat(1001), douyin)).toMatchObject({
      code: "caption_too_long",
      field: "caption",
      params: { length: 1001, limit: 1000, channel: "抖音主号" },
    });
    expect(checkCaption(`${"题".repeat(56)}\n正文`, douyin)).toMatchObject({
      code: "title_too_long",
      params: { length: 56, limit: 55 },
    });
    // Hashtags read as the hand-off bundle reads them: `#a#b` is two, a repeated tag is one.
    expect(checkCaption("标题 #1 #2 #3#4 #4 #小红书#", douyin)).toBeNull();
    expect(checkCaption("标题 #1 #2 #3 #4 #5 #6", douyin)).toMatchObject({
      code: "too_many_hashtags",
      params: { count: 6, limit: 5 },
    });
    expect(
      checkCaption("字".repeat(5000), { name: "x", titleMax: null, captionMax: null, hashtagMax: null }),
    ).toBeNull();
  });
});

describe("time, kind and address checks", () => {
  const now = new Date("2026-03-02T10:00:00Z");

  it("refuses a time that is not ahead", () => {
    expect(checkPublishTime(new Date("2026-03-02T10:00:01Z"), now, "x")).toBeNull();
    expect(checkPublishTime(now, now, "2026/03/02 18:00")).toMatchObject({
      code: "slot_in_past",
      field: "publishAt",
      message: "发布时间 2026/03/02 18:00 已经过去，请选择将来的时间。",
    });
  });

  it("refuses a kind the channel does not take", () => {
    expect(checkKind("episode", { name: "抖音主号", kinds: ["episode"] })).toBeNull();
    expect(checkKind("article", { name: "抖音主号", kinds: ["episode"] })).toMatchObject({
      code: "kind_not_accepted",
      field: "channel",
    });
  });

  it("takes only http(s) addresses and HH:mm times", () => {
    expect(isHttpUrl("https://hooks.example.com/a?b=1")).toBe(true);
    expect(isHttpUrl("http://10.0.0.5:8080/hook")).toBe(true);
    for (const bad of [
      "ftp://example.com",
      "javascript:alert(1)",
      "file:///etc/passwd",
      "example.com/hook",
      "",
    ])
      expect(isHttpUrl(bad)).toBe(false);
    expect(["00:00", "18:30", "23:59"].every(isWallTime)).toBe(true);
    expect(["24:00", "7:00", "18:60", "1800"].some(isWallTime)).toBe(false);
  });
});
