import { afterAll, describe, expect, it } from "vitest";
import {
  DateInputError,
  endOfDay,
  formatBytes,
  formatDate,
  formatDateTime,
  formatDuration,
  formatInstant,
  formatNumber,
  formatShortDateTime,
  instantField,
  isCalendarDate,
  isValidTimeZone,
  parseInstant,
  parseWallClock,
  startOfDay,
  startOfMonth,
  startOfWeek,
  toWallClockInput,
  wallClockParts,
} from "./dates";

const SH = "Asia/Shanghai";
const NY = "America/New_York";
const iso = (d: Date) => d.toISOString();

const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** Runs `check` with the process in each zone: the answers must not depend on the server's TZ. */
function inEveryProcessZone(check: () => void) {
  for (const zone of ["UTC", "America/New_York", "Asia/Shanghai", "Australia/Lord_Howe"]) {
    process.env.TZ = zone;
    // Proves the switch took: New York is 5 h behind UTC in January.
    if (zone === "America/New_York") expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(300);
    check();
  }
}

describe("formatting in the studio zone", () => {
  it("keeps the formats the pages showed before", () => {
    inEveryProcessZone(() => {
      expect(formatDateTime("2026-12-10T10:00:00Z", SH)).toBe("2026/12/10 18:00");
      expect(formatDateTime(new Date("2026-12-10T16:05:00Z"), SH)).toBe("2026/12/11 00:05");
      expect(formatDateTime(Date.parse("2026-07-01T00:00:00Z"), NY)).toBe("2026/06/30 20:00");
      expect(formatDate("2026-01-05T10:00:00Z", SH)).toBe("01/05");
      expect(formatShortDateTime("2026-11-28T01:27:00Z", SH)).toBe("11/28 09:27");
      expect(formatInstant("2025-06-16T12:00:00Z", SH, "YYYY-MM-DD HH:mm")).toBe("2025-06-16 20:00");
    });
  });

  it("shows the hour that the process zone skips (dayjs' own .tz() got this one wrong)", () => {
    // 02:30 in Shanghai on 8 March is inside New York's spring-forward gap.
    inEveryProcessZone(() => {
      expect(formatDateTime("2026-03-07T18:30:00Z", SH)).toBe("2026/03/08 02:30");
      expect(toWallClockInput("2026-03-07T18:30:00Z", SH)).toBe("2026-03-08T02:30");
      expect(iso(parseWallClock("2026-03-08T02:30", SH))).toBe("2026-03-07T18:30:00.000Z");
    });
  });

  it("gives the calendar fields of an instant in the zone", () => {
    // Sunday 23:30 UTC is Monday 07:30 in Shanghai.
    expect(wallClockParts("2026-12-13T23:30:00Z", SH)).toMatchObject({
      year: 2026,
      month: 12,
      day: 14,
      hour: 7,
      minute: 30,
      weekday: 1,
    });
    expect(wallClockParts("2026-12-31T17:00:00Z", SH).month).toBe(1);
  });
});

describe("datetime-local and date inputs", () => {
  it("writes and reads the studio's wall clock, not the server's", () => {
    inEveryProcessZone(() => {
      expect(toWallClockInput("2026-12-10T10:00:00Z", SH)).toBe("2026-12-10T18:00");
      expect(toWallClockInput("2026-12-10T10:00:00Z", SH, "date")).toBe("2026-12-10");
      expect(toWallClockInput("2026-12-10T17:00:00Z", SH, "date")).toBe("2026-12-11");
      expect(toWallClockInput(null, SH)).toBe("");
      expect(iso(parseWallClock("2026-12-10T18:00", SH))).toBe("2026-12-10T10:00:00.000Z");
      expect(iso(parseWallClock("2026-12-10T18:00:30", SH))).toBe("2026-12-10T10:00:30.000Z");
      expect(iso(parseWallClock("2026-12-10", SH))).toBe("2026-12-09T16:00:00.000Z");
      expect(iso(parseWallClock("2026-07-04T09:00", NY))).toBe("2026-07-04T13:00:00.000Z");
      expect(iso(parseWallClock("2026-01-04T09:00", NY))).toBe("2026-01-04T14:00:00.000Z");
    });
  });

  it.each([SH, NY])("round-trips every half hour of 2026 in %s", (zone) => {
    process.env.TZ = "UTC";
    const notBack: string[] = [];
    const unstable: string[] = [];
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 30 * 60_000) {
      const shown = toWallClockInput(t, zone);
      const back = parseWallClock(shown, zone).getTime();
      if (back !== t) notBack.push(`${shown} ${(t - back) / 60_000}min`);
      // The value the form shows and posts back is stable: reading it and showing it again is a no-op.
      if (toWallClockInput(back, zone) !== shown) unstable.push(shown);
    }
    expect(unstable).toEqual([]);
    // The only instants that cannot come back are the second pass through New York's repeated
    // hour on 1 November: that wall clock is read as its first pass, one hour earlier.
    expect(notBack).toEqual(zone === NY ? ["2026-11-01T01:00 60min", "2026-11-01T01:30 60min"] : []);
  });

  it("settles New York's skipped and repeated hours the same way whatever today is", () => {
    inEveryProcessZone(() => {
      // 02:30 on 8 March does not exist: read with the winter offset, it is 03:30 summer time.
      expect(iso(parseWallClock("2026-03-08T02:30", NY))).toBe("2026-03-08T07:30:00.000Z");
      expect(toWallClockInput(parseWallClock("2026-03-08T02:30", NY), NY)).toBe("2026-03-08T03:30");
      // 01:30 on 1 November happens twice: the first (summer time) is taken.
      expect(iso(parseWallClock("2026-11-01T01:30", NY))).toBe("2026-11-01T05:30:00.000Z");
      expect(toWallClockInput("2026-11-01T06:30:00Z", NY)).toBe("2026-11-01T01:30");
    });
  });

  it("refuses empty and malformed values with a clear error, never an Invalid Date", () => {
    const bad = [
      "",
      "   ",
      "明天晚上",
      "2026-02-30T10:00",
      "2026-13-01",
      "2026-12-10T24:00",
      "2026-12-10T18:60",
    ];
    for (const value of bad) {
      expect(() => parseWallClock(value, SH), value).toThrow(DateInputError);
    }
    expect(() => parseWallClock("", SH)).toThrow("日期时间为空");
    expect(() => parseWallClock("2026-02-30", SH)).toThrow(/不是有效的日期时间.*2026-02-30/);
    expect(() => formatDateTime("not a date", SH)).toThrow(DateInputError);
    expect(() => toWallClockInput(new Date(Number.NaN), SH)).toThrow(DateInputError);
    expect(() => formatDateTime("2026-12-10T10:00:00Z", "Mars/Olympus")).toThrow(/未知的时区/);
    expect(isValidTimeZone(SH)).toBe(true);
    expect(isValidTimeZone("Asia/Beijing")).toBe(false);
  });

  it("takes an instant with an offset as written and anything else as the studio's wall clock", () => {
    process.env.TZ = "UTC";
    expect(iso(parseInstant("2026-12-10T10:00:00Z", SH))).toBe("2026-12-10T10:00:00.000Z");
    expect(iso(parseInstant("2026-12-10T18:00:00+08:00", NY))).toBe("2026-12-10T10:00:00.000Z");
    expect(iso(parseInstant("2026-12-10T05:00:00.250-0500", SH))).toBe("2026-12-10T10:00:00.250Z");
    expect(iso(parseInstant("2026-12-10T18:00", SH))).toBe("2026-12-10T10:00:00.000Z");
    expect(() => parseInstant("2026-02-30T10:00:00Z", SH)).toThrow(DateInputError);
    expect(() => parseInstant("2026-12-10T10:00:00+25:00", SH)).toThrow(DateInputError);
  });

  it("checks calendar dates", () => {
    expect(isCalendarDate("2026-03-01")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-3-1")).toBe(false);
    expect(isCalendarDate("2026-03-01T10:00")).toBe(false);
  });

  it("gives schemas a field that fails at the field with its own message", () => {
    const field = instantField(SH, "截止时间格式不正确");
    expect(field.parse("")).toBeUndefined();
    expect(field.parse(undefined)).toBeUndefined();
    expect(iso(field.parse("2026-12-10T18:00")!)).toBe("2026-12-10T10:00:00.000Z");
    const bad = field.safeParse("2026-12-10T25:00");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toBe("截止时间格式不正确");
    expect(field.safeParse(42).error?.issues[0].message).toBe("截止时间格式不正确");
  });
});

describe("day boundaries in the zone", () => {
  it("cuts Shanghai days at its midnight, whatever the process zone", () => {
    inEveryProcessZone(() => {
      // 01:00 on 11 December in Shanghai is still 10 December in UTC.
      const at = "2026-12-10T17:00:00Z";
      expect(iso(startOfDay(at, SH))).toBe("2026-12-10T16:00:00.000Z");
      expect(iso(endOfDay(at, SH))).toBe("2026-12-11T15:59:59.999Z");
      // Sunday 13 December → Monday 7 December.
      expect(iso(startOfWeek("2026-12-13T10:00:00Z", SH))).toBe("2026-12-06T16:00:00.000Z");
      expect(iso(startOfWeek("2026-12-07T10:00:00Z", SH))).toBe("2026-12-06T16:00:00.000Z");
      expect(iso(startOfMonth(at, SH))).toBe("2026-11-30T16:00:00.000Z");
      expect(iso(startOfMonth("2026-12-31T17:00:00Z", SH))).toBe("2026-12-31T16:00:00.000Z");
    });
  });

  it("has 23- and 25-hour days where the zone changes its clocks", () => {
    inEveryProcessZone(() => {
      expect(iso(startOfDay("2026-03-08T12:00:00Z", NY))).toBe("2026-03-08T05:00:00.000Z");
      expect(iso(endOfDay("2026-03-08T12:00:00Z", NY))).toBe("2026-03-09T03:59:59.999Z");
      expect(iso(startOfDay("2026-11-01T12:00:00Z", NY))).toBe("2026-11-01T04:00:00.000Z");
      expect(iso(endOfDay("2026-11-01T12:00:00Z", NY))).toBe("2026-11-02T04:59:59.999Z");
      expect(iso(startOfWeek("2026-03-08T12:00:00Z", NY))).toBe("2026-03-02T05:00:00.000Z");
    });
  });
});

describe("lengths, sizes and counts", () => {
  it("formats durations as m:ss or h:mm:ss", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(65)).toBe("1:05");
    expect(formatDuration(119.6)).toBe("2:00");
    expect(formatDuration(5400)).toBe("1:30:00");
    expect(formatDuration(-7)).toBe("-0:07");
    expect(formatDuration(330, { alwaysHours: true })).toBe("0:05:30");
    expect(formatDuration(12.46, { secondsBelowMinute: true })).toBe("12.5 秒");
    expect(formatDuration(75, { secondsBelowMinute: true })).toBe("1:15");
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
  });

  it("formats byte counts and numbers", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
    expect(formatBytes(2 * 1024 ** 3)).toBe("2.00 GB");
    expect(formatNumber(300_000)).toBe("300,000");
    expect(formatNumber(50_000)).toBe("50,000");
    expect(formatNumber(42)).toBe("42");
  });
});
