/**
 * FullCalendar and the studio's time zone. FullCalendar can only run in the browser's zone or in
 * UTC without a time-zone plugin (none of which is MIT and small), and the browser's zone is not
 * the studio's. So the calendar runs in UTC and is fed the studio's *wall clock* written as if it
 * were UTC: 18:00 in Shanghai is drawn at "18:00Z". Everything that goes back to the server is
 * turned into a real instant here, through `~/lib/dates`, and nowhere else.
 */
import { formatInstant, parseWallClock, type InstantLike } from "~/lib/dates";

/** The instant's wall clock in the studio's zone, as FullCalendar (timeZone "UTC") should draw it. */
export function toCalendarWall(instant: InstantLike, timeZone: string): string {
  return formatInstant(instant, timeZone, "YYYY-MM-DDTHH:mm:ss");
}

/** The "YYYY-MM-DD" FullCalendar means by a date it hands back (a day cell, a drop in month view). */
export function calendarDay(date: Date): string {
  return formatInstant(date, "UTC", "YYYY-MM-DD");
}

/** The "HH:mm" FullCalendar means by a date it hands back. */
export function calendarTimeOfDay(date: Date): string {
  return formatInstant(date, "UTC", "HH:mm");
}

/** The real instant of a date FullCalendar hands back (a timed drop in week view). */
export function fromCalendarDate(date: Date, timeZone: string): Date {
  return parseWallClock(formatInstant(date, "UTC", "YYYY-MM-DDTHH:mm:ss"), timeZone);
}

/**
 * Where a dragged slot lands. In month view FullCalendar only knows the day (and, fed wall clocks
 * in UTC, it happens to keep the old time; a drop that comes back all-day or at midnight must not
 * turn 18:00 into 00:00 or 23:59), so the new instant is that day at the slot's *old* wall-clock
 * time in the studio's zone. In week or day view the drop names the time itself.
 */
export function droppedSlotInstant(options: {
  /** The event's start after the drop, as FullCalendar gives it. */
  newStart: Date;
  /** The slot's instant before the drop (from the server). */
  oldInstant: InstantLike;
  /** True when the drop names a day only: month view, or the all-day row. */
  dayOnly: boolean;
  timeZone: string;
}): Date {
  const { newStart, oldInstant, dayOnly, timeZone } = options;
  if (!dayOnly) return fromCalendarDate(newStart, timeZone);
  const oldTime = formatInstant(oldInstant, timeZone, "HH:mm:ss");
  return parseWallClock(`${calendarDay(newStart)}T${oldTime}`, timeZone);
}

/** "YYYY-MM-DDTHH:mm" for a `datetime-local` value, from a FullCalendar day and an "HH:mm". */
export function wallInput(day: string, time: string): string {
  return `${day}T${time}`;
}

// ---------------------------------------------------------------------------------------------
// Days as "YYYY-MM-DD": calendar arithmetic on dates alone, the same in every zone.

function dayToUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function utcToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = dayToUtc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return utcToDay(date);
}

/** The Monday of the day's week (weeks start on Monday in China). */
export function mondayOf(day: string): string {
  const weekday = dayToUtc(day).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

export function firstOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/**
 * The days a view shows, as [first day, day after the last): a month grid is the six weeks from
 * the Monday on or before the 1st (FullCalendar's fixed six-week grid); week and list views show
 * Monday to Sunday. `anchor` is the day the URL names; the first value is where that view starts,
 * which the URL keeps so that a shared link shows the same period.
 */
export function visibleDays(
  view: "month" | "week" | "list",
  day: string,
): { anchor: string; from: string; to: string } {
  if (view === "month") {
    const anchor = firstOfMonth(day);
    const from = mondayOf(anchor);
    return { anchor, from, to: addDays(from, 42) };
  }
  const from = mondayOf(day);
  return { anchor: from, from, to: addDays(from, 7) };
}
