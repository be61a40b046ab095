import { asc, eq, sql } from "drizzle-orm";
import { formatInstant, startOfMonth } from "~/lib/dates";
import { schema, type Db } from "~/lib/db.server";
import { resolvePublicBase, type PublicBase } from "../ebooks/public-url.server";
import type { CalendarFilters, CalendarView, CampaignThemeDto, SlotStatus } from "./calendar-types";
import {
  BACKLOG_LIMIT,
  computeGaps,
  gapSpan,
  listBacklog,
  slotRowsBetween,
  type CalendarRangeOptions,
} from "./calendar-gaps.server";
import { loadChannels, toSlotDto } from "./calendar-rows.server";
import { periodOf } from "./cadence";
import { prepared } from "./prepared.server";
import { computeMix, MIX_KIND } from "./mix";

export interface GetCalendarOptions extends CalendarRangeOptions {
  filters?: CalendarFilters & { status?: SlotStatus };
  publicBase?: PublicBase;
  /** How many backlog pieces to offer per gap. */
  suggestionsPerGap?: number;
}

/**
 * The calendar's one read model, for the page and the API alike: the slots of the visible range
 * (filtered), the approved pieces not yet on the calendar, each channel rule's gaps and excesses
 * in the range, the month's short-video mix and campaign, and the channels (for colours, filters
 * and rules). Gaps and the mix look at every slot, whatever the filters: a channel's cadence is
 * about everything it posts.
 */
export function getCalendar(options: GetCalendarOptions): CalendarView {
  const { db, now, timeZone, from, to } = options;
  const filters = options.filters ?? {};
  const base = options.publicBase ?? resolvePublicBase();
  const channels = loadChannels(db, options.dataKey);
  const month = focusMonth(from, to, timeZone);

  // One query covers the range, every period a rule judges, and the focus month (its mix).
  const monthPeriod = periodOf("month", month.start, timeZone);
  const span = gapSpan(channels, from, to, timeZone);
  const rows = slotRowsBetween(
    db,
    new Date(Math.min(span.from.getTime(), monthPeriod.start.getTime())),
    new Date(Math.max(span.to.getTime(), monthPeriod.end.getTime())),
  );

  const keys = filters.channelKeys?.length ? new Set(filters.channelKeys) : null;
  const f = from.getTime();
  const t = to.getTime();
  const shown = rows.filter(
    (r) =>
      r.publishAt >= f &&
      r.publishAt < t &&
      (!keys || keys.has(r.channelKey)) &&
      (!filters.columnId || r.columnId === filters.columnId) &&
      (!filters.campaignId || r.campaignId === filters.campaignId) &&
      (!filters.ownerId || r.ownerId === filters.ownerId) &&
      (!filters.status || r.status === filters.status),
  );

  const backlog = listBacklog(db, filters);
  const gaps = computeGaps({
    channels: keys ? channels.filter((c) => keys.has(c.key)) : channels,
    rows,
    backlog,
    from,
    to,
    now,
    timeZone,
    perGap: options.suggestionsPerGap ?? 5,
  });

  const monthStart = monthPeriod.start.getTime();
  const monthEnd = monthPeriod.end.getTime();
  const monthRows = rows.filter((r) => r.publishAt >= monthStart && r.publishAt < monthEnd);
  const mix = computeMix(
    month.key,
    monthRows
      .filter((r) => r.pieceKind === MIX_KIND)
      .map((r) => ({ pieceKind: r.pieceKind, mixCategory: r.pieceMix ?? r.columnMix, status: r.status })),
  );

  return {
    range: { from: from.toISOString(), to: to.toISOString(), timeZone },
    month: month.key,
    slots: shown.map((r) => toSlotDto(r, base)),
    unscheduled: backlog.slice(0, BACKLOG_LIMIT),
    gaps,
    mix,
    campaign: campaignOf(db, month.year, month.month),
    channels,
  };
}

/** The month most of the range lies in: a month grid starts in the last days of the month before. */
function focusMonth(from: Date, to: Date, timeZone: string) {
  const middle = new Date(from.getTime() + (to.getTime() - from.getTime()) / 2);
  const start = startOfMonth(middle, timeZone);
  const key = formatInstant(start, timeZone, "YYYY-MM");
  return { start, key, year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

function campaignOf(db: Db, year: number, month: number): CampaignThemeDto | null {
  const rows = prepared(db, "campaignsOfMonth", () =>
    db
      .select()
      .from(schema.campaigns)
      .where(eq(schema.campaigns.month, sql.placeholder("month")))
      .orderBy(asc(schema.campaigns.id))
      .prepare(),
  ).all({ month });
  // The campaign of the year shown, else the plan's month (the plan repeats yearly).
  const row = rows.find((c) => c.year === year) ?? rows[0];
  return row ? { id: row.id, month: row.month, name: row.name, theme: row.theme, target: row.target } : null;
}
