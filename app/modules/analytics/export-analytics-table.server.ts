import { toCsv } from "~/lib/csv";
import type { DbOrTx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { tableRecords } from "./analytics-table";
import { analyticsTables } from "./analytics-tables.server";
import type { AnalyticsQuery } from "./analytics-views";

/**
 * One dashboard table as CSV text: the header in the reader's language and the rows the page
 * shows for the same query. The one export of every dashboard table.
 */
export function exportAnalyticsTable(options: {
  db: DbOrTx;
  query: AnalyticsQuery;
  now: Date;
  timeZone: string;
  translate: (key: string) => string;
}): Result<{ csv: string; fileName: string; rows: number }> {
  const { query, translate } = options;
  const result = analyticsTables(options);
  if (!result.ok) return result;
  const table = result.tables.find((candidate) => candidate.id === query.table);
  if (!table) return fail(404, "not_found", "看板上没有这个表格。", { params: { context: "table" } });
  const scope = [
    query.view,
    query.piece ? String(query.piece) : null,
    table.id,
    query.month ?? (query.year ? String(query.year) : null),
    query.from && query.to ? `${query.from}_${query.to}` : null,
  ].filter(Boolean);
  return {
    ok: true,
    csv: toCsv(tableRecords(table, translate)),
    fileName: `analytics-${scope.join("-")}.csv`,
    rows: table.rows.length,
  };
}
