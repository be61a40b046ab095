import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getShowSnapshot } from "~/modules/livestream/get-show-snapshot.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "livestream.read");
  const { db, now } = getStudio();
  const snapshot = getShowSnapshot({ db, showId: parseId(params.id), now: now() });
  if (!snapshot) throw apiError(request, 404, "not_found", "直播不存在。", { params: { context: "show" } });
  return json(snapshot, { headers: { "Cache-Control": "no-store" } });
}
