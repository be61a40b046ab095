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
  if (period === "month") return startOfMonth(new Date(start.getTime() + 32 * DAY_MS), timeZone);
  // Nearly every day is 24 hours: one wall-clock read confirms the guess; the full computation
  // is for the days clocks change.
  const days = period === "day" ? 1 : 7;
  const guess = new Date(start.getTime() + days * DAY_MS);
  const wall = formatInstant(guess, timeZone, period === "day" ? "HH:mm" : "d HH:mm");
  if (wall === (period === "day" ? "00:00" : "1 00:00")) return guess;
  if (period === "day") return new Date(endOfDay(start, timeZone).getTime() + 1);
  return startOfWeek(new Date(start.getTime() + 7 * DAY_MS + DAY_MS / 2), timeZone);
}

/**
 * The periods of the kind a view of [from, to) judges: those mostly in view (their midpoint lies
 * in it) and the one the view is mostly about (it holds the view's midpoint). A month grid that
 * shows the last day of the previous month does not judge that month; a week view judges its
 * month.
 */
export function periodsJudged(period: CadencePeriod, from: Date, to: Date, timeZone: string): Period[] {
  // Pure and asked several times per page (the span to read, then the counts): remembered for the
  // last few views. The periods are frozen so no caller can change what the next one gets.
  const key = `${period}|${from.getTime()}|${to.getTime()}|${timeZone}`;
  const known = judgedCache.get(key);
  if (known) return known;
  const judged = Object.freeze(computeJudged(period, from, to, timeZone)) as Period[];
  if (judgedCache.size >= 64) judgedCache.delete(judgedCache.keys().next().value!);
  judgedCache.set(key, judged);
  return judged;
}

const judgedCache = new Map<string, Period[]>();

function computeJudged(period: CadencePeriod, from: Date, to: Date, timeZone: string): Period[] {
  const f = from.getTime();
  const t = to.getTime();
  const middle = f + (t - f) / 2;
  return periodsOverlapping(period, from, to, timeZone).filter(({ start, end }) => {
    const s = start.getTime();
    const e = end.getTime();
    const own = s + (e - s) / 2;
    return (own >= f && own < t) || (middle >= s && middle < e);
  });
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
  /** The instant, or its epoch milliseconds. */
  publishAt: Date | number;
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
 * The instant span whose slots must be counted to judge every period a view of [from, to) judges:
 * the first such period's start to the last one's end, over all the rules' period kinds.
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
    const judged = periodsJudged(period, from, to, timeZone);
    if (!judged.length) continue;
    if (judged[0].start < start) start = judged[0].start;
    if (judged[judged.length - 1].end > end) end = judged[judged.length - 1].end;
  }
  return { from: start, to: end };
}

/**
 * Each channel rule's count in each period a view of [from, to) judges (`periodsJudged`). `slots` must cover
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
      list = periodsJudged(period, from, to, timeZone);
      periodCache.set(period, list);
    }
    return list;
  };

  const out: PeriodCount[] = [];
  for (const channel of channels) {
    const slots = (byChannel.get(channel.key) ?? []).map((s) => ({
      slot: s,
      at: typeof s.publishAt === "number" ? s.publishAt : s.publishAt.getTime(),
    }));
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
  /** The zone keeps one offset over the gap (`steadyOffset`): midnight plus the time is the wall time. */
  steady = false,
): Date | null {
  const time = gap.rule.windowStart ?? "10:00";
  const offset = (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * 60_000;
  const end = gap.end.getTime();
  let day = gap.start;
  while (day.getTime() < end) {
    // The wall time on most days is midnight plus the offset; a day with a clock change is read
    // through the date module.
    let at = new Date(day.getTime() + offset);
    if (!steady && formatInstant(at, timeZone, "HH:mm") !== time)
      at = parseWallClock(`${formatInstant(day, timeZone, "YYYY-MM-DD")}T${time}`, timeZone);
    if (at.getTime() > now.getTime() && at.getTime() < end) return at;
    if (at.getTime() >= end) break;
    day = nextPeriodStart("day", day, timeZone);
  }
  // The window has passed on every remaining day: the next whole hour, if the period has one left.
  const nextHour = new Date(Math.ceil((now.getTime() + 1) / HOUR_MS) * HOUR_MS);
  return nextHour.getTime() > gap.start.getTime() && nextHour.getTime() < end ? nextHour : null;
}

/** Milliseconds the zone's wall clock is ahead of UTC at `instant`. */
function offsetAt(instant: Date, timeZone: string): number {
  return Date.parse(`${formatInstant(instant, timeZone, "YYYY-MM-DDTHH:mm:ss.SSS")}Z`) - instant.getTime();
}

/**
 * The zone's offset is the same at both ends of a span shorter than half a year, so its clocks
 * do not change inside it (changes come in pairs about half a year apart): wall times there are
 * midnight plus their hours.
 */
export function steadyOffset(from: Date, to: Date, timeZone: string): boolean {
  if (to.getTime() - from.getTime() > 150 * DAY_MS) return false;
  return offsetAt(from, timeZone) === offsetAt(to, timeZone);
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
