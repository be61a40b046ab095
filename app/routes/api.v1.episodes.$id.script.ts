import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { saveScriptSchema } from "~/modules/media/episode-script";
import { saveEpisodeScript } from "~/modules/media/save-episode-script.server";

/** Replaces the script lines; send the piece version you edited (409 when someone saved first). */
export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PUT");
  const actor = await requireActor(request, "pieces.edit");
  const pieceId = parseId(params.id);
  const input = await parseJsonBody(request, saveScriptSchema);
  const { db, now } = getStudio();
  const result = saveEpisodeScript({ db, actor, pieceId, input, now: now() });
  if (!result.ok) throw failureResponse(request, result);
  return json({ version: result.version });
}
