import { and, gte, inArray, lte, ne } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { endOfDay, formatInstant, startOfDay, startOfWeek } from "~/lib/dates";
import {
  DAILY_TARGETS,
  OUTPUT_KINDS,
  type DailyOutput,
  type OutputCounts,
  type PersonOutput,
} from "./daily-output";

const DAY_MS = 24 * 60 * 60 * 1000;

const zero = (): OutputCounts => ({ poster: 0, article: 0 });
const times = (n: number): OutputCounts => ({
  poster: DAILY_TARGETS.poster * n,
  article: DAILY_TARGETS.article * n,
});

/**
 * Posters and articles made today and this week, per person, against the team's daily targets.
 * "Made" is when the piece was created, in the studio's time zone (days start at 00:00 there,
 * weeks on Monday); archived pieces do not count. Everyone with the copywriter role is listed,
 * with zeros if they made nothing, and so is anyone else who made one this week.
 */
export function getDailyOutput(options: { db: Db; now: Date; timeZone: string }): DailyOutput {
  const { db, now, timeZone } = options;
  const dayStart = startOfDay(now, timeZone);
  const weekStart = startOfWeek(now, timeZone);
  const dayEnd = endOfDay(now, timeZone);
  const rows = db
    .select({
      ownerId: schema.pieces.ownerId,
      kind: schema.pieces.kind,
      createdAt: schema.pieces.createdAt,
    })
    .from(schema.pieces)
    .where(
      and(
        inArray(schema.pieces.kind, OUTPUT_KINDS),
        ne(schema.pieces.status, "archived"),
        gte(schema.pieces.createdAt, weekStart),
        lte(schema.pieces.createdAt, dayEnd),
      ),
    )
    .all();
  const users = db
    .select({
      id: schema.users.id,
      name: schema.users.name,
      roles: schema.users.roles,
      disabled: schema.users.disabled,
    })
    .from(schema.users)
    .all();
  const makers = new Set(rows.map((r) => r.ownerId));
  const people = new Map<number, PersonOutput>();
  for (const u of users)
    if ((u.roles.includes("copywriter") && !u.disabled) || makers.has(u.id))
      people.set(u.id, { userId: u.id, name: u.name, today: zero(), week: zero() });
  const team = { today: zero(), week: zero() };
  for (const row of rows) {
    const kind = row.kind as keyof OutputCounts;
    const person = people.get(row.ownerId);
    const isToday = row.createdAt.getTime() >= dayStart.getTime();
    for (const counts of [person?.week, team.week, ...(isToday ? [person?.today, team.today] : [])])
      if (counts) counts[kind]++;
  }
  const daysSoFar = Math.round((dayStart.getTime() - weekStart.getTime()) / DAY_MS) + 1;
  return {
    day: formatInstant(now, timeZone, "YYYY-MM-DD"),
    weekStart: formatInstant(weekStart, timeZone, "YYYY-MM-DD"),
    daysSoFar,
    targets: { today: times(1), weekSoFar: times(daysSoFar) },
    people: [...people.values()].sort((a, b) => a.userId - b.userId),
    team,
  };
}
