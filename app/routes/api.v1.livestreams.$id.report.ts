import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getShowReport } from "~/modules/livestream/get-show-report.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "livestream.read");
  const report = getShowReport({ db: getStudio().db, showId: parseId(params.id) });
  if (!report) throw apiError(request, 404, "not_found", "直播不存在。", { params: { context: "show" } });
  return json(report);
}
