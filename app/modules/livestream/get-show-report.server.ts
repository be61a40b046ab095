import type { Db } from "~/lib/db.server";
import { showLeadRate, type ShowLeadFigures } from "../analytics/show-lead-rate.server";
import { getShowLog } from "./get-show-log.server";
import type { ShowReportDto } from "./show-dto";
import { buildShowReport } from "./show-report";
import { loadShow } from "./show-rows.server";

export interface GetShowReportOptions {
  db: Db;
  showId: number;
}

/**
 * Planned vs actual per block (overruns first), online peak, rounds fired, the full log, and the
 * show's leads with its lead rate (leads from `live-{id}` ÷ unique visitors of its lead page).
 */
export function getShowReport(
  options: GetShowReportOptions,
): (ShowReportDto & { leadFigures: ShowLeadFigures }) | null {
  const loaded = loadShow(options.db, options.showId);
  if (!loaded) return null;
  const log = getShowLog(options);
  const report = buildShowReport(loaded.blocks, log, loaded.state);
  const leadFigures = showLeadRate({ db: options.db, showId: options.showId });
  return {
    ...report,
    showId: options.showId,
    title: loaded.piece.title,
    status: loaded.state.status,
    leadsCaptured: leadFigures.leads,
    leadFigures,
    log,
  };
}
