import { describe, expect, it } from "vitest";
import { parseCount, parseDay, parseDuration, parsePercent } from "./parse-figures";

describe("figures as the platforms write them", () => {
  it("counts", () => {
    expect(parseCount("3,456")).toBe(3456);
    expect(parseCount("1.2万")).toBe(12_000);
    expect(parseCount("12.3w")).toBe(123_000);
    expect(parseCount("12.3W")).toBe(123_000);
    expect(parseCount("1.5亿")).toBe(150_000_000);
    expect(parseCount("2.4k")).toBe(2400);
    expect(parseCount(" 1 024 ")).toBe(1024);
    expect(parseCount("１２３")).toBe(123);
    expect(parseCount("88次")).toBe(88);
    expect(parseCount("")).toBeNull();
    expect(parseCount("-")).toBeNull();
    expect(parseCount("--")).toBeNull();
    expect(parseCount("暂无")).toBeNull();
    expect(parseCount("三千")).toBeUndefined();
    expect(parseCount("12.5")).toBeUndefined();
    expect(parseCount("1,23")).toBeUndefined();
    expect(parseCount("-12")).toBeUndefined();
    expect(parseCount("-12", { allowNegative: true })).toBe(-12);
    expect(parseCount("1e9")).toBeUndefined();
  });

  it("rates", () => {
    expect(parsePercent("23.5%")).toBe(0.235);
    expect(parsePercent("0.235")).toBe(0.235);
    expect(parsePercent("23.5")).toBe(0.235);
    expect(parsePercent("100%")).toBe(1);
    expect(parsePercent("1")).toBe(1);
    expect(parsePercent("140%")).toBeUndefined();
    expect(parsePercent("abc")).toBeUndefined();
    expect(parsePercent("")).toBeNull();
  });

  it("durations", () => {
    expect(parseDuration("23")).toBe(23);
    expect(parseDuration("23.4")).toBe(23.4);
    expect(parseDuration("23秒")).toBe(23);
    expect(parseDuration("23s")).toBe(23);
    expect(parseDuration("1分23秒")).toBe(83);
    expect(parseDuration("1分钟23秒")).toBe(83);
    expect(parseDuration("1m23s")).toBe(83);
    expect(parseDuration("01:23")).toBe(83);
    expect(parseDuration("00:00:23")).toBe(23);
    expect(parseDuration("01:00:00")).toBe(3600);
    expect(parseDuration("00:75")).toBeUndefined();
    expect(parseDuration("半分钟")).toBeUndefined();
    expect(parseDuration("-")).toBeNull();
  });

  it("publish days", () => {
    expect(parseDay("2026-11-20 19:00")).toBe("2026-11-20");
    expect(parseDay("2026/1/5 9:00")).toBe("2026-01-05");
    expect(parseDay("2026年11月20日 19:00")).toBe("2026-11-20");
    expect(parseDay("2026-11-20T19:00:00+08:00")).toBe("2026-11-20");
    expect(parseDay("昨天")).toBeNull();
    expect(parseDay("2026-13-01")).toBeNull();
  });
});
