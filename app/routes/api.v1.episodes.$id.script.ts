import type { ActionFunctionArgs } from "@remix-run/node";
import { writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { saveScriptSchema } from "~/modules/media/episode-script";
import { saveEpisodeScript } from "~/modules/media/save-episode-script.server";

/** Replaces the script lines; send the piece version you edited (409 when someone saved first). */
export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PUT");
  const actor = await requireActor(request, "pieces.edit");
  const pieceId = parseId(params.id);
  const { db, now } = getStudio();
  return writeJson(
    request,
    saveScriptSchema,
    (input) => saveEpisodeScript({ db, actor, pieceId, input, now: now() }),
    ({ version }) => ({ version }),
    { throwFailure: true },
  );
}
