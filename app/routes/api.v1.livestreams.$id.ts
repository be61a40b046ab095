import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { foundJson, writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getShow } from "~/modules/livestream/get-show.server";
import { showInputSchema } from "~/modules/livestream/show-input";
import { updateShow } from "~/modules/livestream/update-show.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "livestream.read");
  return foundJson(request, getShow({ db: getStudio().db, showId: parseId(params.id) }), "showScript");
}

/** Replaces the whole script (products and fixed blocks); send `version` to refuse a stale edit. */
export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PUT");
  const actor = await requireActor(request, "livestream.edit");
  const showId = parseId(params.id);
  const { db, now, config } = getStudio();
  return writeJson(
    request,
    showInputSchema(config.timeZone),
    (input) => updateShow({ db, actor, showId, input, now: now() }),
    () => getShow({ db, showId }),
  );
}
