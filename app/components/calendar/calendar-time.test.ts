import { describe, expect, it } from "vitest";
import {
  calendarDay,
  droppedSlotInstant,
  fromCalendarDate,
  toCalendarWall,
  visibleDays,
} from "./calendar-time";

const SHANGHAI = "Asia/Shanghai";
const BERLIN = "Europe/Berlin";

describe("FullCalendar in the studio's time zone", () => {
  it("draws an instant at its studio wall clock, whatever the browser's zone", () => {
    // 10:00 UTC is 18:00 in Shanghai: the calendar (in UTC) is fed 18:00.
    expect(toCalendarWall("2026-12-10T10:00:00Z", SHANGHAI)).toBe("2026-12-10T18:00:00");
    // 20:30 UTC is already the next day in Shanghai.
    expect(toCalendarWall("2026-12-10T20:30:00Z", SHANGHAI)).toBe("2026-12-11T04:30:00");
  });

  it("reads a timed drop back as the studio's wall clock", () => {
    const dropped = new Date("2026-12-12T09:15:00Z"); // drawn at 09:15 on the 12th
    expect(fromCalendarDate(dropped, SHANGHAI).toISOString()).toBe("2026-12-12T01:15:00.000Z");
    expect(calendarDay(dropped)).toBe("2026-12-12");
  });

  it("keeps the time of day when a slot is dropped on another day in month view", () => {
    // A slot at 18:00 Shanghai on the 10th, dropped on the 14th; month view gives the day only.
    const moved = droppedSlotInstant({
      newStart: new Date("2026-12-14T00:00:00Z"),
      oldInstant: "2026-12-10T10:00:00Z",
      dayOnly: true,
      timeZone: SHANGHAI,
    });
    expect(moved.toISOString()).toBe("2026-12-14T10:00:00.000Z");
    expect(toCalendarWall(moved, SHANGHAI)).toBe("2026-12-14T18:00:00");
  });

  it("keeps 23:30 on the new day instead of sliding to the day before or after", () => {
    const moved = droppedSlotInstant({
      newStart: new Date("2026-12-20T23:30:00Z"),
      oldInstant: "2026-12-18T15:30:00Z", // 23:30 on the 18th in Shanghai
      dayOnly: true,
      timeZone: SHANGHAI,
    });
    expect(toCalendarWall(moved, SHANGHAI)).toBe("2026-12-20T23:30:00");
  });

  it("keeps the wall clock across a daylight-saving change in a zone that has one", () => {
    // 18:00 in Berlin in March (UTC+1), moved to a day in April (UTC+2): still 18:00 there.
    const moved = droppedSlotInstant({
      newStart: new Date("2026-04-02T00:00:00Z"),
      oldInstant: "2026-03-20T17:00:00Z",
      dayOnly: true,
      timeZone: BERLIN,
    });
    expect(moved.toISOString()).toBe("2026-04-02T16:00:00.000Z");
  });

  it("takes the dropped time in week view", () => {
    const moved = droppedSlotInstant({
      newStart: new Date("2026-12-14T20:00:00Z"),
      oldInstant: "2026-12-10T10:00:00Z",
      dayOnly: false,
      timeZone: SHANGHAI,
    });
    expect(toCalendarWall(moved, SHANGHAI)).toBe("2026-12-14T20:00:00");
  });
});

describe("the days a view shows", () => {
  it("covers a month's six-week grid from the Monday on or before the 1st", () => {
    // 2026-12-01 is a Tuesday.
    expect(visibleDays("month", "2026-12-17")).toEqual({
      anchor: "2026-12-01",
      from: "2026-11-30",
      to: "2027-01-11",
    });
  });

  it("covers Monday to Sunday for the week and the list", () => {
    expect(visibleDays("week", "2026-12-17")).toEqual({
      anchor: "2026-12-14",
      from: "2026-12-14",
      to: "2026-12-21",
    });
    expect(visibleDays("list", "2026-03-01")).toEqual({
      anchor: "2026-02-23",
      from: "2026-02-23",
      to: "2026-03-02",
    });
  });
});
