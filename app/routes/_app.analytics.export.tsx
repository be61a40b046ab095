import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestLanguage, translator } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { csvContentType, encodeCsvText } from "~/lib/csv-bytes.server";
import { failureResponse, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { analyticsQuerySchema } from "~/modules/analytics/analytics-views";
import { exportAnalyticsTable } from "~/modules/analytics/export-analytics-table.server";

/**
 * Any dashboard table as a CSV file: `?view&table` plus the page's own query. The one export of
 * every table; the header is in the reader's language.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "analytics.read");
  const query = parseQuery(request, analyticsQuerySchema);
  const { db, config, now } = getStudio();
  const t = translator(requestLanguage(request));
  const result = exportAnalyticsTable({
    db,
    query,
    now: now(),
    timeZone: config.timeZone,
    translate: (key) => t(key),
  });
  if (!result.ok) return failureResponse(request, result);
  const encoding = query.encoding ?? "utf-8";
  return new Response(encodeCsvText(result.csv, encoding), {
    headers: {
      "Content-Type": csvContentType(encoding),
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
