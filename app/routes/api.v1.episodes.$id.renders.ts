import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getEpisode } from "~/modules/media/get-episode.server";
import { requestRenderSchema } from "~/modules/media/page-schemas";
import { requestRender } from "~/modules/media/request-render.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "columns.read");
  const found = getEpisode({ db: getStudio().db, pieceId: parseId(params.id), actor });
  if (!found.ok) throw failureResponse(request, found);
  return json({ items: found.versions, renderJob: found.renderJob });
}

/** Queues a render; 202 with the job. The same script and clips while queued or running: the same job. */
export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "GET POST");
  const actor = await requireActor(request, "renders.create");
  const pieceId = parseId(params.id);
  // An empty body means "defaults"; anything else must be a valid JSON object.
  const { db, config, now } = getStudio();
  return writeJson(
    request,
    requestRenderSchema,
    (input) => requestRender({ db, dataDir: config.dataDir, actor, pieceId, input, now: now() }),
    ({ job, created }) => ({ job, created }),
    { status: 202, empty: {}, throwFailure: true },
  );
}
