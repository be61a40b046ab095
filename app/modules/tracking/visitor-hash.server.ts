import crypto from "node:crypto";
import { eq, lt } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { endOfDay, formatInstant, startOfDay } from "~/lib/dates";

/** The last day worked out per time zone, with the instants it spans: beacons come all day long. */
const dayCache = new Map<string, { day: string; from: number; to: number }>();

/** The studio-time-zone calendar day of an instant, as stored on events and rollups. */
export function eventDay(now: Date, timeZone: string): string {
  const at = now.getTime();
  const cached = dayCache.get(timeZone);
  if (cached && at >= cached.from && at < cached.to) return cached.day;
  const day = formatInstant(now, timeZone, "YYYY-MM-DD");
  const from = startOfDay(now, timeZone).getTime();
  const to = endOfDay(now, timeZone).getTime() + 1;
  dayCache.set(timeZone, { day, from, to });
  return day;
}

/**
 * Today's random salt, made on the day's first event. Nothing derives it from the date (as
 * Umami does), so once it is deleted no hash of that day can be recomputed.
 */
/** Today's salt per database handle: read once a day, not once a beacon. */
const saltCache = new WeakMap<object, { day: string; salt: string }>();

function daySalt(db: DbOrTx, day: string, now: Date, timeZone: string): string {
  const cached = saltCache.get(db);
  if (cached?.day === day) return cached.salt;
  const made = db
    .insert(schema.visitorSalts)
    .values({ day, salt: crypto.randomBytes(32).toString("hex"), createdAt: now })
    .onConflictDoNothing()
    .run();
  // A new day: the salt of the day before yesterday goes now, not at the next hourly sweep.
  if (made.changes > 0) pruneVisitorSalts({ db, now, timeZone });
  const row = db
    .select({ salt: schema.visitorSalts.salt })
    .from(schema.visitorSalts)
    .where(eq(schema.visitorSalts.day, day))
    .get();
  if (!row) throw new Error(`The visitor salt of ${day} could not be written`);
  saltCache.set(db, { day, salt: row.salt });
  return row.salt;
}

/**
 * A visitor without a cookie: a hash of the day's salt, the address and the browser. The same
 * phone on the same day counts once; tomorrow it is a stranger, and nobody can tell it was the
 * same phone.
 */
export function visitorHash(options: {
  db: DbOrTx;
  ip: string;
  userAgent: string;
  now: Date;
  timeZone: string;
}): { hash: string; day: string } {
  const day = eventDay(options.now, options.timeZone);
  const salt = daySalt(options.db, day, options.now, options.timeZone);
  const hash = crypto
    .createHash("sha256")
    .update(`${salt}\n${options.ip}\n${options.userAgent}`)
    .digest("hex")
    .slice(0, 32);
  return { hash, day };
}

/**
 * Deletes the salts (and the counted-visitor rows) of days that began 48 hours ago or more:
 * only today's and yesterday's stay. No event can arrive for an older day.
 */
export function pruneVisitorSalts(options: { db: DbOrTx; now: Date; timeZone: string }): {
  salts: number;
  visitors: number;
} {
  const yesterday = eventDay(
    new Date(startOfDay(options.now, options.timeZone).getTime() - 1),
    options.timeZone,
  );
  const cached = saltCache.get(options.db);
  if (cached && cached.day < yesterday) saltCache.delete(options.db);
  const salts = options.db.delete(schema.visitorSalts).where(lt(schema.visitorSalts.day, yesterday)).run();
  const visitors = options.db
    .delete(schema.rollupVisitors)
    .where(lt(schema.rollupVisitors.day, yesterday))
    .run();
  return { salts: salts.changes, visitors: visitors.changes };
}
