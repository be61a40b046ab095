import { describe, expect, it } from "vitest";
import {
  countingSpan,
  countPeriods,
  findGaps,
  insideWindow,
  periodOf,
  periodsJudged,
  periodsOverlapping,
  steadyOffset,
  suggestedTime,
  type CadenceChannel,
  type CadenceRule,
  type CountedSlot,
} from "./cadence";

const SH = "Asia/Shanghai";
const NY = "America/New_York";
/** A Shanghai wall clock as an instant (UTC+8, no daylight saving). */
const sh = (wall: string) => new Date(`${wall}+08:00`);

const rule = (over: Partial<CadenceRule> = {}): CadenceRule => ({
  id: 1,
  count: 1,
  period: "day",
  kinds: ["episode"],
  label: "视频",
  windowStart: null,
  windowEnd: null,
  ...over,
});
const channel = (key: string, rules: CadenceRule[]): CadenceChannel => ({ key, name: key, rules });
const slot = (channelKey: string, wall: string, pieceKind = "episode", status = "planned"): CountedSlot => ({
  channelKey,
  publishAt: sh(wall),
  pieceKind,
  status,
});

describe("periods in the studio's zone", () => {
  it("starts days at local midnight and weeks on Monday", () => {
    // 2026-03-01 is a Sunday: its week began on Monday 23 February.
    const week = periodOf("week", sh("2026-03-01T23:30:00"), SH);
    expect(week.start).toEqual(sh("2026-02-23T00:00:00"));
    expect(week.end).toEqual(sh("2026-03-02T00:00:00"));
    // 00:30 on 3 March in Shanghai is still 2 March in UTC: it belongs to 3 March.
    expect(periodOf("day", sh("2026-03-03T00:30:00"), SH).start).toEqual(sh("2026-03-03T00:00:00"));
    const month = periodOf("month", sh("2026-02-14T12:00:00"), SH);
    expect([month.start, month.end]).toEqual([sh("2026-02-01T00:00:00"), sh("2026-03-01T00:00:00")]);
  });

  it("follows clock changes: the spring-forward day has 23 hours, weeks still start at Monday midnight", () => {
    // US clocks went forward on Sunday 8 March 2026.
    const days = periodsOverlapping(
      "day",
      new Date("2026-03-07T05:00:00Z"),
      new Date("2026-03-10T04:00:00Z"),
      NY,
    );
    expect(days.map((d) => (d.end.getTime() - d.start.getTime()) / 3_600_000)).toEqual([24, 23, 24]);
    expect(days[1].start.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(days[2].start.toISOString()).toBe("2026-03-09T04:00:00.000Z");
    const weeks = periodsOverlapping(
      "week",
      new Date("2026-03-02T05:00:00Z"),
      new Date("2026-03-16T04:00:00Z"),
      NY,
    );
    expect(weeks.map((w) => w.start.toISOString())).toEqual([
      "2026-03-02T05:00:00.000Z",
      "2026-03-09T04:00:00.000Z",
    ]);
  });

  it("judges the periods mostly in view: a month grid does not judge the month it starts in", () => {
    // A March grid (Monday 23 Feb to Monday 6 Apr) judges March only, and every week in it.
    const from = sh("2026-02-23T00:00:00");
    const to = sh("2026-04-06T00:00:00");
    expect(periodsJudged("month", from, to, SH).map((p) => p.start)).toEqual([sh("2026-03-01T00:00:00")]);
    expect(periodsJudged("week", from, to, SH)).toHaveLength(6);
    // A week view judges the month it lies in.
    const week = periodsJudged("month", sh("2026-03-09T00:00:00"), sh("2026-03-16T00:00:00"), SH);
    expect(week.map((p) => p.start)).toEqual([sh("2026-03-01T00:00:00")]);
    // The slots to read cover every judged period whole.
    expect(countingSpan(["week", "month"], sh("2026-03-04T00:00:00"), sh("2026-03-05T00:00:00"), SH)).toEqual(
      {
        from: sh("2026-03-01T00:00:00"),
        to: sh("2026-04-01T00:00:00"),
      },
    );
  });
});

describe("cadence rules", () => {
  const now = sh("2026-03-01T00:00:00");

  it("flags a day without its video as a gap and a day with two as an excess", () => {
    const douyin = channel("douyin-main", [rule()]);
    const counts = countPeriods({
      channels: [douyin],
      slots: [
        slot("douyin-main", "2026-03-02T19:00:00"),
        slot("douyin-main", "2026-03-04T19:00:00"),
        slot("douyin-main", "2026-03-04T20:00:00"),
      ],
      from: sh("2026-03-02T00:00:00"),
      to: sh("2026-03-05T00:00:00"),
      now,
      timeZone: SH,
    });
    expect(counts.map((c) => [c.start.toISOString(), c.actual, c.kind])).toEqual([
      [sh("2026-03-02T00:00:00").toISOString(), 1, "met"],
      [sh("2026-03-03T00:00:00").toISOString(), 0, "gap"],
      [sh("2026-03-04T00:00:00").toISOString(), 2, "excess"],
    ]);
  });

  it("counts only the rule's kinds, on its channel, and only slots that are or will be posts", () => {
    const autohome = channel("autohome", [
      rule({ id: 1, count: 2, kinds: ["episode"] }),
      rule({ id: 2, count: 2, kinds: ["poster"] }),
    ]);
    const gaps = findGaps({
      channels: [autohome],
      slots: [
        slot("autohome", "2026-03-02T10:00:00", "episode", "published"),
        slot("autohome", "2026-03-02T11:00:00", "episode", "failed"),
        slot("autohome", "2026-03-02T12:00:00", "poster", "planned"),
        slot("autohome", "2026-03-02T13:00:00", "poster", "unconfirmed"),
        slot("autohome", "2026-03-02T14:00:00", "poster", "missed"),
        slot("douyin-main", "2026-03-02T15:00:00", "episode", "planned"),
      ],
      from: sh("2026-03-02T00:00:00"),
      to: sh("2026-03-03T00:00:00"),
      now,
      timeZone: SH,
    });
    // The failed video does not count; the two posters do (the missed third does not).
    expect(gaps.map((g) => [g.rule.id, g.actual, g.expected, g.kind])).toEqual([[1, 1, 2, "gap"]]);
  });

  it("counts a rule with no kinds over every kind", () => {
    const counts = countPeriods({
      channels: [channel("xiaohongshu", [rule({ kinds: [], count: 2 })])],
      slots: [
        slot("xiaohongshu", "2026-03-02T09:00:00", "poster"),
        slot("xiaohongshu", "2026-03-02T10:00:00", "article"),
      ],
      from: sh("2026-03-02T00:00:00"),
      to: sh("2026-03-03T00:00:00"),
      now,
      timeZone: SH,
    });
    expect(counts[0]).toMatchObject({ actual: 2, kind: "met" });
  });

  it("judges a week on all its slots, also those outside the visible days", () => {
    const service = channel("douyin-service", [rule({ count: 3, period: "week" })]);
    const gaps = findGaps({
      channels: [service],
      // Monday and Friday of the week of 2 March; the view shows Wednesday to Saturday only.
      slots: [slot("douyin-service", "2026-03-02T12:30:00"), slot("douyin-service", "2026-03-06T12:30:00")],
      from: sh("2026-03-04T00:00:00"),
      to: sh("2026-03-08T00:00:00"),
      now,
      timeZone: SH,
    });
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ period: "week", actual: 2, expected: 3, kind: "gap" });
    expect(gaps[0].start).toEqual(sh("2026-03-02T00:00:00"));
  });

  it("judges a month rule (易车: 4 articles a month) on the whole month", () => {
    const yiche = channel("yiche", [rule({ count: 4, period: "month", kinds: ["article"] })]);
    const slots = ["05", "12", "19"].map((d) => slot("yiche", `2026-03-${d}T10:00:00`, "article"));
    const gaps = findGaps({
      channels: [yiche],
      slots,
      from: sh("2026-02-23T00:00:00"),
      to: sh("2026-04-06T00:00:00"),
      now,
      timeZone: SH,
    });
    expect(gaps.map((g) => [g.start, g.actual, g.expected])).toEqual([[sh("2026-03-01T00:00:00"), 3, 4]]);
  });

  it("marks periods that are over as past", () => {
    const gaps = findGaps({
      channels: [channel("douyin-main", [rule()])],
      slots: [],
      from: sh("2026-03-01T00:00:00"),
      to: sh("2026-03-03T00:00:00"),
      now: sh("2026-03-02T08:00:00"),
      timeZone: SH,
    });
    expect(gaps.map((g) => g.past)).toEqual([true, false]);
  });
});

describe("where a slot filling a gap would go", () => {
  const day = { start: sh("2026-03-02T00:00:00"), end: sh("2026-03-03T00:00:00") };
  const week = { start: sh("2026-03-02T00:00:00"), end: sh("2026-03-09T00:00:00") };

  it("takes the rule's window start on the first day still ahead", () => {
    const windowed = { ...week, rule: { windowStart: "18:00" } };
    expect(suggestedTime(windowed, sh("2026-03-01T12:00:00"), SH)).toEqual(sh("2026-03-02T18:00:00"));
    expect(suggestedTime(windowed, sh("2026-03-04T19:00:00"), SH)).toEqual(sh("2026-03-05T18:00:00"));
    expect(suggestedTime({ ...day, rule: { windowStart: null } }, sh("2026-03-01T12:00:00"), SH)).toEqual(
      sh("2026-03-02T10:00:00"),
    );
  });

  it("offers the next whole hour when today's window has passed, and nothing when the period is over", () => {
    const windowed = { ...day, rule: { windowStart: "18:00" } };
    expect(suggestedTime(windowed, sh("2026-03-02T19:20:00"), SH)).toEqual(sh("2026-03-02T20:00:00"));
    expect(suggestedTime(windowed, sh("2026-03-02T23:30:00"), SH)).toBeNull();
    expect(suggestedTime(windowed, sh("2026-03-05T08:00:00"), SH)).toBeNull();
  });

  it("keeps the wall time on the day clocks change", () => {
    const springDay = { start: new Date("2026-03-08T05:00:00Z"), end: new Date("2026-03-09T04:00:00Z") };
    const at = suggestedTime(
      { ...springDay, rule: { windowStart: "18:00" } },
      new Date("2026-03-08T06:00:00Z"),
      NY,
    );
    // 18:00 EDT (UTC-4) on 8 March.
    expect(at?.toISOString()).toBe("2026-03-08T22:00:00.000Z");
  });

  it("knows when a zone keeps one offset over a span", () => {
    expect(steadyOffset(sh("2026-03-01T00:00:00"), sh("2026-05-01T00:00:00"), SH)).toBe(true);
    expect(steadyOffset(new Date("2026-03-01T05:00:00Z"), new Date("2026-04-01T04:00:00Z"), NY)).toBe(false);
    expect(steadyOffset(new Date("2026-04-01T04:00:00Z"), new Date("2026-05-01T04:00:00Z"), NY)).toBe(true);
    // With the hint, the suggestion is midnight plus the window start.
    const day = {
      start: sh("2026-03-02T00:00:00"),
      end: sh("2026-03-03T00:00:00"),
      rule: { windowStart: "18:00" },
    };
    expect(suggestedTime(day, sh("2026-03-01T12:00:00"), SH, true)).toEqual(sh("2026-03-02T18:00:00"));
  });

  it("tells whether a time is inside the preferred window", () => {
    const r = { windowStart: "18:00", windowEnd: "21:00" };
    expect(insideWindow(r, sh("2026-03-02T18:00:00"), SH)).toBe(true);
    expect(insideWindow(r, sh("2026-03-02T21:00:00"), SH)).toBe(false);
    expect(insideWindow({ windowStart: null, windowEnd: null }, sh("2026-03-02T03:00:00"), SH)).toBe(true);
  });
});
