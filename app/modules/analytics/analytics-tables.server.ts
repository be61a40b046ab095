import type { DbOrTx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { AnalyticsTable } from "./analytics-table";
import type { AnalyticsQuery } from "./analytics-views";
import { resolveRange, todayOf } from "./dashboard-range";
import { getCampaignDashboard } from "./get-campaign-dashboard.server";
import { getChannelDashboard } from "./get-channel-dashboard.server";
import { getColumnDashboard } from "./get-column-dashboard.server";
import { getLivestreamDashboard } from "./get-livestream-dashboard.server";
import { getOverview } from "./get-overview.server";
import { getOwnerDashboard } from "./get-owner-dashboard.server";
import { getPieceDashboard } from "./get-piece-dashboard.server";

/**
 * The tables of one dashboard view, computed by the same function as its page: the CSV export
 * goes through here, so a file always holds what the page shows for the same query.
 */
export function analyticsTables(options: {
  db: DbOrTx;
  query: AnalyticsQuery;
  now: Date;
  timeZone: string;
}): Result<{ tables: AnalyticsTable[] }> {
  const { db, query, now, timeZone } = options;
  const today = todayOf(now, timeZone);
  switch (query.view) {
    case "owners":
      return {
        ok: true,
        tables: getOwnerDashboard({ db, month: query.month ?? today.slice(0, 7), timeZone }).tables,
      };
    case "campaigns":
      return {
        ok: true,
        tables: getCampaignDashboard({ db, year: query.year ?? Number(today.slice(0, 4)), timeZone }).tables,
      };
    case "livestreams":
      return { ok: true, tables: getLivestreamDashboard({ db }).tables };
    default:
      break;
  }
  const resolved = resolveRange(query, today);
  if (!resolved.ok) return resolved;
  const { range } = resolved;
  switch (query.view) {
    case "overview":
      return { ok: true, tables: getOverview({ db, range, timeZone }).tables };
    case "columns":
      return { ok: true, tables: getColumnDashboard({ db, range, timeZone }).tables };
    case "channels":
      return { ok: true, tables: getChannelDashboard({ db, range, timeZone }).tables };
    case "piece": {
      if (!query.piece)
        return fail(400, "invalid_query", "piece: required", {
          field: "piece",
          params: { field: "piece", detail: "required" },
        });
      const piece = getPieceDashboard({ db, pieceId: query.piece, range, timeZone });
      return piece.ok ? { ok: true, tables: piece.dashboard.tables } : piece;
    }
  }
}
