import { and, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { Figures } from "./metric-fields";

/** A platform's figures of one post, as every reader of the imported figures selects them. */
export const platformFigureColumns = {
  plays: schema.platformMetrics.plays,
  completionRate: schema.platformMetrics.completionRate,
  avgWatchSeconds: schema.platformMetrics.avgWatchSeconds,
  likes: schema.platformMetrics.likes,
  comments: schema.platformMetrics.comments,
  shares: schema.platformMetrics.shares,
  saves: schema.platformMetrics.saves,
  profileVisits: schema.platformMetrics.profileVisits,
  followerGain: schema.platformMetrics.followerGain,
  reads: schema.platformMetrics.reads,
};

export interface CurrentPlatformFigures extends Figures {
  pieceId: number;
  /** The channel key the figures came from. */
  platform: string;
  asOfDay: string;
  importId: number;
  slotId: number | null;
}

/**
 * The current platform figures per piece × platform: the row of the latest applied import (the
 * highest import id) for each pair; an undone import's rows do not count, so undoing brings the
 * previous import's figures back. Platform figures are reported beside first-party events,
 * never added into them.
 *
 * - `pieceIds`: only these pieces (any number; read in chunks);
 * - `from` / `to` (YYYY-MM-DD, inclusive): only imports whose as-of day lies in the range, so
 *   "the figures as of the end of March" is `to: "2026-03-31"`;
 * - `platform`: one channel key.
 *
 * Served by platform_metrics_piece_idx (piece_id, platform, import_id): the MAX per pair is
 * read from the index, then one row per pair.
 */
export function currentPlatformMetrics(options: {
  db: DbOrTx;
  pieceIds?: readonly number[];
  from?: string;
  to?: string;
  platform?: string;
}): CurrentPlatformFigures[] {
  const { db, pieceIds } = options;
  if (pieceIds && pieceIds.length === 0) return [];
  if (pieceIds && pieceIds.length > 500) {
    const out: CurrentPlatformFigures[] = [];
    for (let i = 0; i < pieceIds.length; i += 500)
      out.push(...currentPlatformMetrics({ ...options, pieceIds: pieceIds.slice(i, i + 500) }));
    return out;
  }
  const pm = schema.platformMetrics;
  const mi = schema.metricImports;
  const filters: SQL[] = [eq(mi.status, "applied")];
  if (pieceIds) filters.push(inArray(pm.pieceId, [...pieceIds]));
  if (options.platform) filters.push(eq(pm.platform, options.platform));
  if (options.from) filters.push(gte(pm.asOfDay, options.from));
  if (options.to) filters.push(lte(pm.asOfDay, options.to));
  const latest = db
    .select({
      pieceId: pm.pieceId,
      platform: pm.platform,
      importId: sql<number>`max(${pm.importId})`.as("latest_import_id"),
    })
    .from(pm)
    .innerJoin(mi, eq(mi.id, pm.importId))
    .where(and(...filters))
    .groupBy(pm.pieceId, pm.platform)
    .as("latest");
  return db
    .select({
      pieceId: pm.pieceId,
      platform: pm.platform,
      asOfDay: pm.asOfDay,
      importId: pm.importId,
      slotId: pm.slotId,
      ...platformFigureColumns,
    })
    .from(pm)
    .innerJoin(
      latest,
      and(eq(pm.pieceId, latest.pieceId), eq(pm.platform, latest.platform), eq(pm.importId, latest.importId)),
    )
    .orderBy(pm.pieceId, pm.platform)
    .all();
}

/** One piece's current figures on every platform it was imported for. */
export function currentPlatformMetricsOfPiece(options: { db: DbOrTx; pieceId: number; to?: string }) {
  return currentPlatformMetrics({ db: options.db, pieceIds: [options.pieceId], to: options.to });
}
