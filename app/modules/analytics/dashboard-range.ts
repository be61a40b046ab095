import { addDays, formatInstant } from "~/lib/dates";
import { fail, type Result } from "~/lib/result";

/** A dashboard without a range shows the last 90 days (the demo's three months, a quarter). */
export const DEFAULT_RANGE_DAYS = 90;

export interface DayRange {
  from: string;
  to: string;
}

/** Today in the studio's zone, as the rollups' days are written. */
export function todayOf(now: Date, timeZone: string): string {
  return formatInstant(now, timeZone, "YYYY-MM-DD");
}

/**
 * The range a dashboard shows: the days asked for, else up to today and 90 days back. A start
 * after the end is refused (400), not swapped, so a typo is seen.
 */
export function resolveRange(
  query: { from?: string; to?: string },
  today: string,
): Result<{ range: DayRange }> {
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = query.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to)
    return fail(400, "invalid_query", "from: from > to", {
      field: "from",
      params: { field: "from", detail: "from > to" },
    });
  return { ok: true, range: { from, to } };
}
