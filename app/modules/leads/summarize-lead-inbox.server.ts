import { and, count, eq, gte, isNotNull, lte } from "drizzle-orm";
import { startOfWeek } from "~/lib/dates";
import { schema, type Db } from "~/lib/db.server";
import { FIRST_CONTACT_TARGET_MINUTES } from "./first-contact";

export interface LeadInboxSummary {
  /** Leads still waiting for their first call. */
  newCount: number;
  /** Of those, the ones waiting 15 minutes or more. */
  overdueCount: number;
  /** Median minutes from arrival to first contact of the leads first contacted this week. */
  medianMinutesThisWeek: number | null;
  /** How many leads that median is over. */
  contactedThisWeek: number;
}

/**
 * The inbox's three figures against the 15-minute rule. The week starts on Monday in the studio's
 * time zone; a lead counts in the week of its first contact.
 */
export function summarizeLeadInbox(options: { db: Db; now: Date; timeZone: string }): LeadInboxSummary {
  const { db, now } = options;
  const leads = schema.leads;
  const waiting = eq(leads.status, "new");
  const late = new Date(now.getTime() - FIRST_CONTACT_TARGET_MINUTES * 60_000);
  const newCount = db.select({ n: count() }).from(leads).where(waiting).get()?.n ?? 0;
  const overdueCount =
    db
      .select({ n: count() })
      .from(leads)
      .where(and(waiting, lte(leads.createdAt, late)))
      .get()?.n ?? 0;
  const minutes = db
    .select({ createdAt: leads.createdAt, firstContactAt: leads.firstContactAt })
    .from(leads)
    .where(
      and(isNotNull(leads.firstContactAt), gte(leads.firstContactAt, startOfWeek(now, options.timeZone))),
    )
    .all()
    .map((row) => (row.firstContactAt!.getTime() - row.createdAt.getTime()) / 60_000)
    .sort((a, b) => a - b);
  return {
    newCount,
    overdueCount,
    medianMinutesThisWeek: median(minutes),
    contactedThisWeek: minutes.length,
  };
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(value * 10) / 10;
}
