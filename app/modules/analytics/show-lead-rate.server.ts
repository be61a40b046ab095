import { and, count, eq, inArray, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { sumRollups } from "./rollup-figures.server";
import { ratio, TARGETS } from "./targets";

export interface ShowLeadFigures {
  /** Leads that came through the show's links and QR codes (source `live-{id}`). */
  leads: number;
  /** Unique visitors of the show's lead page (its landing page, every source). */
  visitors: number;
  /** leads ÷ visitors; null before anyone visited. */
  leadRate: number | null;
  target: number;
}

/**
 * The lead rate (留资率) of many shows at once: leads from `live-{id}` ÷ unique visitors of each
 * show's lead page. Two grouped queries whatever the number of shows (the livestream dashboard
 * lists every show; a query per show cost more than the figures).
 */
export function showLeadRates(options: {
  db: DbOrTx;
  showIds: readonly number[];
}): Map<number, ShowLeadFigures> {
  const { db, showIds } = options;
  const out = new Map<number, ShowLeadFigures>();
  if (showIds.length === 0) return out;
  const l = schema.leads;
  const leads = new Map<number, number>();
  for (let i = 0; i < showIds.length; i += 500)
    for (const row of db
      .select({ pieceId: l.pieceId, n: count() })
      .from(l)
      .where(and(inArray(l.pieceId, showIds.slice(i, i + 500)), eq(l.source, sql`'live-' || ${l.pieceId}`)))
      .groupBy(l.pieceId)
      .all())
      leads.set(row.pieceId, row.n);
  const visitors = sumRollups({ db, scope: { pieceIds: showIds }, by: "piece" });
  for (const showId of showIds) {
    const n = leads.get(showId) ?? 0;
    const v = visitors.get(showId)?.visitors ?? 0;
    out.set(showId, { leads: n, visitors: v, leadRate: ratio(n, v), target: TARGETS.liveLeadRate });
  }
  return out;
}

/** A livestream's lead rate (留资率): leads from `live-{id}` ÷ unique visitors of its lead page. */
export function showLeadRate(options: { db: DbOrTx; showId: number }): ShowLeadFigures {
  return showLeadRates({ db: options.db, showIds: [options.showId] }).get(options.showId)!;
}
