import { failureResponse, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { resolveRange, todayOf } from "~/modules/analytics/dashboard-range";
import { metricsQuerySchema } from "~/modules/analytics/metrics-schemas";

/**
 * The date range a dashboard's loader reads from `?from&to` (see resolveRange for the default),
 * with today in the studio's zone for the filter's quick links. A refused range (from after to)
 * answers with its error code.
 */
export function requestedRange(request: Request) {
  const query = parseQuery(request, metricsQuerySchema);
  const { config, now } = getStudio();
  const today = todayOf(now(), config.timeZone);
  const resolved = resolveRange(query, today);
  if (!resolved.ok) throw failureResponse(request, resolved);
  return { today, range: resolved.range };
}
