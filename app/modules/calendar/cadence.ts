/**
 * Cadence rules as checks: how many slots a channel has per day, week or month in the studio's
 * time zone (weeks start on Monday), and which periods of a visible range fall short of a rule (a
 * gap) or go beyond it (an excess). Pure: the read model feeds it rows, the tests feed it arrays.
 */
import { endOfDay, formatInstant, parseWallClock, startOfDay, startOfMonth, startOfWeek } from "~/lib/dates";
import { COUNTED_SLOT_STATUSES, type CadencePeriod } from "./calendar-types";

const DAY_MS = 86_400_000;
const HOUR_MS = 60 * 60_000;

export interface Period {
  start: Date;
  /** The next period's first instant (exclusive). */
  end: Date;
}

/** The period of the given kind that contains `instant`. */
export function periodOf(period: CadencePeriod, instant: Date, timeZone: string): Period {
  const start =
    period === "day"
      ? startOfDay(instant, timeZone)
      : period === "week"
        ? startOfWeek(instant, timeZone)
        : startOfMonth(instant, timeZone);
  return { start, end: nextPeriodStart(period, start, timeZone) };
}

/**
 * The first instant of the period after the one starting at `start`. Days are 23–25 hours
 * around clock changes, so each step lands inside the next period and snaps back to its start.
 */
function nextPeriodStart(period: CadencePeriod, start: Date, timeZone: string): Date {
  if (period === "day") return new Date(endOfDay(start, timeZone).getTime() + 1);
  if (period === "week") return startOfWeek(new Date(start.getTime() + 7 * DAY_MS + DAY_MS / 2), timeZone);
  return startOfMonth(new Date(start.getTime() + 32 * DAY_MS), timeZone);
}

/** Every period of the kind that overlaps [from, to), in order. */
export function periodsOverlapping(period: CadencePeriod, from: Date, to: Date, timeZone: string): Period[] {
  const out: Period[] = [];
  let current = periodOf(period, from, timeZone);
  while (current.start.getTime() < to.getTime()) {
    out.push(current);
    current = { start: current.end, end: nextPeriodStart(period, current.end, timeZone) };
  }
  return out;
}

export interface CadenceRule {
  id: number;
  count: number;
  period: CadencePeriod;
  kinds: readonly string[];
  label: string | null;
  windowStart: string | null;
  windowEnd: string | null;
}

export interface CadenceChannel {
  key: string;
  name: string;
  rules: readonly CadenceRule[];
}

export interface CountedSlot {
  channelKey: string;
  publishAt: Date;
  pieceKind: string;
  status: string;
}

export interface PeriodCount {
  channelKey: string;
  channelName: string;
  rule: CadenceRule;
  period: CadencePeriod;
  start: Date;
  end: Date;
  expected: number;
  actual: number;
  kind: "met" | "gap" | "excess";
  /** The period has ended: it can no longer be filled. */
  past: boolean;
}

/** The slots a rule counts: on its channel, of its kinds, and going to be (or already) a post. */
export function ruleCounts(rule: CadenceRule, slot: CountedSlot): boolean {
  if (!(COUNTED_SLOT_STATUSES as readonly string[]).includes(slot.status)) return false;
  return rule.kinds.length === 0 || rule.kinds.includes(slot.pieceKind);
}

/**
 * The instant span whose slots must be counted to judge every period overlapping [from, to): the
 * first period's start to the last period's end, over all the rules' period kinds.
 */
export function countingSpan(
  periods: readonly CadencePeriod[],
  from: Date,
  to: Date,
  timeZone: string,
): { from: Date; to: Date } {
  let start = from;
  let end = to;
  for (const period of new Set(periods)) {
    const first = periodOf(period, from, timeZone);
    const last = periodOf(period, new Date(to.getTime() - 1), timeZone);
    if (first.start < start) start = first.start;
    if (last.end > end) end = last.end;
  }
  return { from: start, to: end };
}

/**
 * Each channel rule's count in each period overlapping [from, to). `slots` must cover
 * `countingSpan(...)`, so a week or month partly in view is judged on all its slots.
 */
export function countPeriods(options: {
  channels: readonly CadenceChannel[];
  slots: readonly CountedSlot[];
  from: Date;
  to: Date;
  now: Date;
  timeZone: string;
}): PeriodCount[] {
  const { channels, from, to, now, timeZone } = options;
  const byChannel = new Map<string, CountedSlot[]>();
  for (const slot of options.slots) {
    const list = byChannel.get(slot.channelKey);
    if (list) list.push(slot);
    else byChannel.set(slot.channelKey, [slot]);
  }
  const periodCache = new Map<CadencePeriod, Period[]>();
  const periodsFor = (period: CadencePeriod) => {
    let list = periodCache.get(period);
    if (!list) {
      list = periodsOverlapping(period, from, to, timeZone);
      periodCache.set(period, list);
    }
    return list;
  };

  const out: PeriodCount[] = [];
  for (const channel of channels) {
    const slots = (byChannel.get(channel.key) ?? []).map((s) => ({ slot: s, at: s.publishAt.getTime() }));
    for (const rule of channel.rules) {
      const counted = slots.filter(({ slot }) => ruleCounts(rule, slot)).map(({ at }) => at);
      counted.sort((a, b) => a - b);
      let i = 0;
      for (const { start, end } of periodsFor(rule.period)) {
        const s = start.getTime();
        const e = end.getTime();
        while (i < counted.length && counted[i] < s) i++;
        let actual = 0;
        while (i < counted.length && counted[i] < e) {
          actual++;
          i++;
        }
        out.push({
          channelKey: channel.key,
          channelName: channel.name,
          rule,
          period: rule.period,
          start,
          end,
          expected: rule.count,
          actual,
          kind: actual < rule.count ? "gap" : actual > rule.count ? "excess" : "met",
          past: e <= now.getTime(),
        });
      }
    }
  }
  return out;
}

/** The periods that miss or exceed their rule, channel by channel and in time order. */
export function findGaps(options: Parameters<typeof countPeriods>[0]): PeriodCount[] {
  return countPeriods(options).filter((p) => p.kind !== "met");
}

/**
 * Where a slot filling a gap would go: the rule's window start (10:00 without one) on the
 * period's first day that still lies ahead, else the next whole hour; null when the period is over.
 */
export function suggestedTime(
  gap: { start: Date; end: Date; rule: Pick<CadenceRule, "windowStart"> },
  now: Date,
  timeZone: string,
): Date | null {
  const time = gap.rule.windowStart ?? "10:00";
  let day = gap.start;
  while (day.getTime() < gap.end.getTime()) {
    const at = parseWallClock(`${formatInstant(day, timeZone, "YYYY-MM-DD")}T${time}`, timeZone);
    if (at.getTime() > now.getTime() && at.getTime() < gap.end.getTime()) return at;
    day = new Date(endOfDay(day, timeZone).getTime() + 1);
  }
  // The window has passed on every remaining day: the next whole hour, if the period has one left.
  const nextHour = new Date(Math.ceil((now.getTime() + 1) / HOUR_MS) * HOUR_MS);
  return nextHour.getTime() > gap.start.getTime() && nextHour.getTime() < gap.end.getTime() ? nextHour : null;
}

/** "HH:mm" of an instant in the zone, to compare with a rule's window. */
export function wallTimeOf(instant: Date, timeZone: string): string {
  return formatInstant(instant, timeZone, "HH:mm");
}

/** The slot's wall time lies inside the rule's preferred window (always true without one). */
export function insideWindow(
  rule: Pick<CadenceRule, "windowStart" | "windowEnd">,
  instant: Date,
  timeZone: string,
) {
  if (!rule.windowStart || !rule.windowEnd) return true;
  const time = wallTimeOf(instant, timeZone);
  return time >= rule.windowStart && time < rule.windowEnd;
}
