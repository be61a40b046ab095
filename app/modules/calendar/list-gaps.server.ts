import type { GapDto } from "./calendar-types";
import {
  computeGaps,
  gapSpan,
  listBacklog,
  slotRowsBetween,
  type CalendarRangeOptions,
} from "./calendar-gaps.server";
import { loadChannels } from "./calendar-rows.server";

/**
 * The gaps and excesses of every channel rule over [from, to) (GET /api/v1/calendar/gaps, the
 * home page's "this week's gaps"): the same computation as the calendar page's.
 */
export function listGaps(options: CalendarRangeOptions & { channelKeys?: string[] }): GapDto[] {
  const { db, now, timeZone, from, to } = options;
  const keys = options.channelKeys?.length ? new Set(options.channelKeys) : null;
  const channels = loadChannels(db, options.dataKey).filter((c) => !keys || keys.has(c.key));
  const span = gapSpan(channels, from, to, timeZone);
  return computeGaps({
    channels,
    rows: slotRowsBetween(db, span.from, span.to),
    backlog: listBacklog(db),
    from,
    to,
    now,
    timeZone,
    perGap: 5,
  });
}
