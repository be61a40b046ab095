/**
 * The one date and format module. Instants are stored in UTC; every wall-clock value (what a person
 * reads on a page or types into a `datetime-local`/`date` input) is in the studio's time zone, which
 * callers pass in: on the server from `config.timeZone`, in the browser from `useStudioTimeZone()`.
 * Nothing here depends on the time zone of the process running it. Pure and browser-safe.
 */
import dayjs, { type Dayjs } from "dayjs";
import utc from "dayjs/plugin/utc.js";
import { z } from "zod";

dayjs.extend(utc);

/** `STUDIO_TIME_ZONE` when it is unset: the dealership is in China. */
export const DEFAULT_STUDIO_TIME_ZONE = "Asia/Shanghai";

/** An instant as the app passes it around: a Date, an ISO string from a loader, or epoch ms. */
export type InstantLike = Date | string | number;

/** Bad date input: the message says what was wrong, instead of an Invalid Date travelling on. */
export class DateInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DateInputError";
  }
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Offsets. dayjs' timezone plugin reads the zone's wall clock back through the *process's* zone
// (`new Date(localeString)`), which is wrong by an hour around the process zone's DST changes; the
// offset is therefore read here with `formatToParts`, and dayjs formats the shifted instant in UTC.

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new DateInputError(`未知的时区：${JSON.stringify(timeZone)}`);
    }
    offsetFormats.set(timeZone, format);
  }
  return format;
}

/** True when the runtime knows the IANA zone name (`Asia/Shanghai`, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    offsetFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds to add to a UTC instant to get the zone's wall clock at that instant. */
function offsetMs(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of offsetFormat(timeZone).formatToParts(epochMs)) parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

function toEpochMs(instant: InstantLike): number {
  const ms = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  if (!Number.isFinite(ms)) throw new DateInputError(`不是有效的时间：${JSON.stringify(String(instant))}`);
  return ms;
}

/** The wall clock of `instant` in `timeZone`, as a dayjs value in UTC mode (for formatting only). */
function wallClock(instant: InstantLike, timeZone: string): Dayjs {
  const ms = toEpochMs(instant);
  return dayjs.utc(ms + offsetMs(ms, timeZone));
}

interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The wall clock's fields read as if they were UTC. */
function wallAsUtc(f: WallFields): number {
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond);
}

/**
 * The instant a wall clock names in a zone. A time that happens twice (the hour repeated when
 * clocks go back) is the earlier one; a time that never happens (the hour skipped when clocks go
 * forward) is read with the offset from before the change, so 02:30 becomes 03:30. The same answer
 * whatever the date today, unlike dayjs.tz(), which guesses from the current offset.
 */
function fromWallClock(fields: WallFields, timeZone: string): Date {
  const asUtc = wallAsUtc(fields);
  const before = offsetMs(asUtc - DAY_MS, timeZone);
  const after = offsetMs(asUtc + DAY_MS, timeZone);
  const matches = [before, after]
    .map((offset) => asUtc - offset)
    .filter((candidate) => candidate + offsetMs(candidate, timeZone) === asUtc);
  return new Date(matches.length ? Math.min(...matches) : asUtc - before);
}

function fieldsOf(wall: Dayjs): WallFields {
  return {
    year: wall.year(),
    month: wall.month() + 1,
    day: wall.date(),
    hour: wall.hour(),
    minute: wall.minute(),
    second: wall.second(),
    millisecond: wall.millisecond(),
  };
}

// ---------------------------------------------------------------------------------------------
// Showing instants.

/** Any dayjs pattern, in the zone: `formatInstant(x, tz, "YYYY-MM-DD HH:mm")`. */
export function formatInstant(instant: InstantLike, timeZone: string, pattern: string): string {
  return wallClock(instant, timeZone).format(pattern);
}

/** "2026/12/10 18:00": the app's date and time. */
export function formatDateTime(instant: InstantLike, timeZone: string): string {
  return formatInstant(instant, timeZone, "YYYY/MM/DD HH:mm");
}

/** "12/10": month and day, for compact lists. */
export function formatDate(instant: InstantLike, timeZone: string): string {
  return formatInstant(instant, timeZone, "MM/DD");
}

/** "12/10 18:00": for narrow tables. */
export function formatShortDateTime(instant: InstantLike, timeZone: string): string {
  return formatInstant(instant, timeZone, "MM/DD HH:mm");
}

/** The calendar fields of `instant` in the zone; `weekday` 1 = Monday … 7 = Sunday. */
export function wallClockParts(instant: InstantLike, timeZone: string) {
  const wall = wallClock(instant, timeZone);
  return { ...fieldsOf(wall), weekday: wall.day() === 0 ? 7 : wall.day() };
}

// ---------------------------------------------------------------------------------------------
// Form inputs.

export type WallClockInputKind = "datetime-local" | "date";

/**
 * The value for an `<input type="datetime-local">` ("2026-12-10T18:00") or `type="date"`
 * ("2026-12-10"): the studio's wall clock, never the server's. Empty for no value.
 */
export function toWallClockInput(
  instant: InstantLike | null | undefined,
  timeZone: string,
  kind: WallClockInputKind = "datetime-local",
): string {
  if (instant === null || instant === undefined || instant === "") return "";
  return formatInstant(instant, timeZone, kind === "date" ? "YYYY-MM-DD" : "YYYY-MM-DDTHH:mm");
}

const WALL_CLOCK_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const OFFSET_RE = /^(.*?)(Z|[+-]\d{2}:?\d{2})$/i;

/** Checks ranges so that 2026-02-30 or 24:00 is refused rather than rolled over. */
function parseWallFields(value: string): WallFields | null {
  const m = WALL_CLOCK_RE.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((s) => Number(s ?? 0));
  const millisecond = Number((m[7] ?? "0").padEnd(3, "0"));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // Date.UTC reads years below 100 as 19xx; nobody schedules a post before the year 1000.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second, millisecond };
}

function requireText(value: string, what: string): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (!text) throw new DateInputError(`${what}为空`);
  return text;
}

/**
 * Reads a `datetime-local` ("2026-12-10T18:00", seconds optional) or `date` ("2026-12-10", the
 * start of that day) value as the studio's wall clock. Throws DateInputError on empty or malformed
 * input, including impossible dates.
 */
export function parseWallClock(value: string, timeZone: string): Date {
  const text = requireText(value, "日期时间");
  const fields = parseWallFields(text);
  if (!fields) throw new DateInputError(`不是有效的日期时间：${JSON.stringify(text)}`);
  return fromWallClock(fields, timeZone);
}

/**
 * An instant from a form or an API body: ISO 8601 with an offset ("2026-12-10T10:00:00Z",
 * "…+08:00") is taken as written; without one it is the studio's wall clock (`parseWallClock`).
 */
export function parseInstant(value: string, timeZone: string): Date {
  const text = requireText(value, "时间");
  const withOffset = OFFSET_RE.exec(text);
  if (!withOffset || !/[T ]/.test(withOffset[1])) return parseWallClock(text, timeZone);
  const fields = parseWallFields(withOffset[1]);
  if (!fields) throw new DateInputError(`不是有效的时间：${JSON.stringify(text)}`);
  const sign = withOffset[2][0] === "-" ? -1 : 1;
  const digits = withOffset[2].toUpperCase() === "Z" ? "0000" : withOffset[2].slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) throw new DateInputError(`时区偏移不正确：${JSON.stringify(text)}`);
  return new Date(wallAsUtc(fields) - sign * (hours * 60 + minutes) * MINUTE_MS);
}

/** A calendar date "YYYY-MM-DD" that exists (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parseWallFields(value) !== null;
}

/**
 * A zod field for an optional instant typed by a person or sent by the API: blank is "not set",
 * anything else goes through `parseInstant` in the given zone, and a bad value fails at the field.
 */
export function instantField(timeZone: string, message: string) {
  return z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : v),
    z
      .string({ error: message })
      .describe("ISO 8601 with an offset, or the studio's wall clock (YYYY-MM-DDTHH:mm, YYYY-MM-DD)")
      .transform((value, ctx) => {
        try {
          return parseInstant(value, timeZone);
        } catch {
          ctx.addIssue({ code: "custom", message, input: value });
          return z.NEVER;
        }
      })
      .optional(),
  );
}

// ---------------------------------------------------------------------------------------------
// Day boundaries in the zone (the calendar and the dashboards build on these).

function atMidnight(wall: Dayjs, timeZone: string): Date {
  return fromWallClock(fieldsOf(wall.startOf("day")), timeZone);
}

/** The first instant of the zone's calendar day that contains `instant`. */
export function startOfDay(instant: InstantLike, timeZone: string): Date {
  return atMidnight(wallClock(instant, timeZone), timeZone);
}

/** The last millisecond of that day (the next day's start minus 1 ms; 23 or 25 hours on DST days). */
export function endOfDay(instant: InstantLike, timeZone: string): Date {
  const next = atMidnight(wallClock(instant, timeZone).add(1, "day"), timeZone);
  return new Date(next.getTime() - 1);
}

/** Monday 00:00 of the week that contains `instant` (weeks start on Monday in China). */
export function startOfWeek(instant: InstantLike, timeZone: string): Date {
  const wall = wallClock(instant, timeZone);
  const sinceMonday = (wall.day() + 6) % 7;
  return atMidnight(wall.subtract(sinceMonday, "day"), timeZone);
}

/** The 1st, 00:00, of the month that contains `instant`. */
export function startOfMonth(instant: InstantLike, timeZone: string): Date {
  return atMidnight(wallClock(instant, timeZone).startOf("month"), timeZone);
}

// ---------------------------------------------------------------------------------------------
// Lengths, sizes and counts (fixed formats, so the server's and the browser's text match).

export interface FormatDurationOptions {
  /** Always show hours ("0:05:30"), for columns that line up. */
  alwaysHours?: boolean;
  /** Under a minute, "12.5 秒" instead of "0:13" (clip lengths). */
  secondsBelowMinute?: boolean;
}

/** Seconds as "m:ss" or "h:mm:ss", negative with a minus; "—" for no value. */
export function formatDuration(
  seconds: number | null | undefined,
  options: FormatDurationOptions = {},
): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  if (options.secondsBelowMinute && Math.abs(seconds) < 60) return `${seconds.toFixed(1)} 秒`;
  const total = Math.round(Math.abs(seconds));
  const sign = seconds < 0 && total > 0 ? "-" : "";
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 || options.alwaysHours ? `${sign}${h}:${String(m).padStart(2, "0")}:${s}` : `${sign}${m}:${s}`;
}

/** 1536 → "1.5 KB"; 1024-based, GB with two decimals. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "—";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

const numberFormat = new Intl.NumberFormat("zh-CN");

/** 300000 → "300,000", the same on the server and in every browser. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

// ---------------------------------------------------------------------------------------------
// Calendar days as "YYYY-MM-DD" text (the rollups' day, the dashboards' ranges): pure arithmetic
// on dates, no zone involved.

/** "2026-06-30" plus 1 → "2026-07-01"; negative counts go back. */
export function addDays(day: string, days: number): string {
  return dayjs.utc(day).add(days, "day").format("YYYY-MM-DD");
}

/** Every day from `from` to `to` inclusive, in order (empty when `from` is after `to`). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** The first and last day of a month "YYYY-MM". */
export function monthDays(month: string): { from: string; to: string } {
  const first = dayjs.utc(`${month}-01`);
  return { from: first.format("YYYY-MM-DD"), to: first.endOf("month").format("YYYY-MM-DD") };
}
