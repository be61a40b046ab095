import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { updateEpisodeSchema } from "~/modules/media/episode-script";
import { getEpisode } from "~/modules/media/get-episode.server";
import { setShortScriptFit } from "~/modules/media/set-short-script-fit.server";

/** An episode with its script, clips, render versions and latest render job. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "columns.read");
  const found = getEpisode({ db: getStudio().db, pieceId: parseId(params.id), actor });
  if (!found.ok) throw failureResponse(request, found);
  const { ok: _ok, ...episode } = found;
  return json(episode);
}

/**
 * Chooses what a script shorter than the column does, as the episode page does: the same edit
 * rules, audit entry and approval hold. `status` is the piece's new status when an approval was
 * taken back, else null. Failures are thrown, as the other episode routes answer them.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PATCH");
  const actor = await requireActor(request, "pieces.edit");
  const pieceId = parseId(params.id);
  const { db, now } = getStudio();
  return writeJson(
    request,
    updateEpisodeSchema,
    (input) => setShortScriptFit({ db, actor, pieceId, input: { fit: input.shortScriptFit }, now: now() }),
    ({ fit, status }) => ({ shortScriptFit: fit, status }),
    { throwFailure: true },
  );
}
