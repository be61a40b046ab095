import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseId, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getPieceMetrics } from "~/modules/analytics/get-piece-metrics.server";
import { metricsQuerySchema } from "~/modules/analytics/metrics-schemas";

/** A piece's views, visitors, plays, completion, watch time, leads and lead rate, by source. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "analytics.read");
  const pieceId = parseId(params.id);
  const query = parseQuery(request, metricsQuerySchema);
  const { db, config } = getStudio();
  const result = getPieceMetrics({ db, pieceId, ...query, timeZone: config.timeZone });
  if (!result.ok) return failureResponse(request, result);
  return json(result.metrics);
}
