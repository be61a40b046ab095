import { and, count, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { totalRollups } from "./rollup-figures.server";
import { liveSource, ratio, TARGETS } from "./targets";

export interface ShowLeadFigures {
  /** Leads that came through the show's links and QR codes (source `live-{id}`). */
  leads: number;
  /** Unique visitors of the show's lead page (its landing page, every source). */
  visitors: number;
  /** leads ÷ visitors; null before anyone visited. */
  leadRate: number | null;
  target: number;
}

/** A livestream's lead rate (留资率): leads from `live-{id}` ÷ unique visitors of its lead page. */
export function showLeadRate(options: { db: DbOrTx; showId: number }): ShowLeadFigures {
  const { db, showId } = options;
  const l = schema.leads;
  const leads = db
    .select({ n: count() })
    .from(l)
    .where(and(eq(l.pieceId, showId), eq(l.source, liveSource(showId))))
    .get()!.n;
  const { visitors } = totalRollups({ db, scope: { pieceIds: [showId] } });
  return { leads, visitors, leadRate: ratio(leads, visitors), target: TARGETS.liveLeadRate };
}
