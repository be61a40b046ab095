import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getShow } from "~/modules/livestream/get-show.server";
import { showInputSchema } from "~/modules/livestream/show-input";
import { updateShow } from "~/modules/livestream/update-show.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "livestream.read");
  const show = getShow({ db: getStudio().db, showId: parseId(params.id) });
  if (!show)
    throw apiError(request, 404, "not_found", "直播脚本不存在。", { params: { context: "showScript" } });
  return json(show);
}

/** Replaces the whole script (products and fixed blocks); send `version` to refuse a stale edit. */
export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PUT");
  const actor = await requireActor(request, "livestream.edit");
  const showId = parseId(params.id);
  const { db, now, config } = getStudio();
  const input = await parseJsonBody(request, showInputSchema(config.timeZone));
  const result = updateShow({ db, actor, showId, input, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json(getShow({ db, showId }));
}
