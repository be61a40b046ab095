import { describe, expect, it } from "vitest";
import { attributionFrom, attributionFromSearch } from "./attribution";

describe("attribution", () => {
  it("reads src and UTM parameters, and the consultant of a poster's code", () => {
    const a = attributionFromSearch(
      new URLSearchParams("src=poster-12-wangfang&utm_source=douyin&utm_medium=qr&utm_campaign=616"),
    );
    expect(a).toEqual({
      source: "poster-12-wangfang",
      utmSource: "douyin",
      utmMedium: "qr",
      utmCampaign: "616",
      consultant: "wangfang",
    });
  });

  it("counts a missing or foreign src as direct and trims UTM values", () => {
    expect(attributionFrom({}).source).toBe("direct");
    expect(attributionFrom({ src: "<script>" }).source).toBe("direct");
    expect(attributionFrom({ src: "x".repeat(65) }).source).toBe("direct");
    expect(attributionFrom({ src: "Douyin-Main" }).source).toBe("douyin-main");
    expect(attributionFrom({ utmSource: ` ${"a".repeat(150)}` }).utmSource).toHaveLength(100);
    expect(attributionFrom({ utmSource: "  " }).utmSource).toBeNull();
    expect(attributionFrom({ src: "ebook-3" }).consultant).toBeNull();
  });
});
