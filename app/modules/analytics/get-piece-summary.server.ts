import type { DbOrTx } from "~/lib/db.server";
import { resolveRange, todayOf } from "./dashboard-range";
import { getPieceMetrics } from "./get-piece-metrics.server";

/** The last 90 days of a piece in three figures, for the line on the piece's own page. */
export function getPieceSummary(options: {
  db: DbOrTx;
  pieceId: number;
  now: Date;
  timeZone: string;
}): { views: number; visitors: number; leads: number } | null {
  const { db, pieceId, now, timeZone } = options;
  const resolved = resolveRange({}, todayOf(now, timeZone));
  if (!resolved.ok) return null;
  const result = getPieceMetrics({ db, pieceId, ...resolved.range, timeZone });
  if (!result.ok) return null;
  const { views, visitors, leads } = result.metrics;
  return { views, visitors, leads };
}
