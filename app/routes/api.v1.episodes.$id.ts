import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getEpisode } from "~/modules/media/get-episode.server";

/** An episode with its script, clips, render versions and latest render job. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "columns.read");
  const found = getEpisode({ db: getStudio().db, pieceId: parseId(params.id), actor });
  if (!found.ok) throw failureResponse(request, found);
  const { ok: _ok, ...episode } = found;
  return json(episode);
}
