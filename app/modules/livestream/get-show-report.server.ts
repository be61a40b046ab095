import type { Db } from "~/lib/db.server";
import { getShowLog } from "./get-show-log.server";
import type { ShowReportDto } from "./show-dto";
import { buildShowReport } from "./show-report";
import { loadShow } from "./show-rows.server";

export interface GetShowReportOptions {
  db: Db;
  showId: number;
}

/** Planned vs actual per block (overruns first), online peak, rounds fired, and the full log. */
export function getShowReport(options: GetShowReportOptions): ShowReportDto | null {
  const loaded = loadShow(options.db, options.showId);
  if (!loaded) return null;
  const log = getShowLog(options);
  const report = buildShowReport(loaded.blocks, log, loaded.state);
  return {
    ...report,
    showId: options.showId,
    title: loaded.piece.title,
    status: loaded.state.status,
    leadsCaptured: null,
    log,
  };
}
