import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";
import { toJobDto } from "~/modules/jobs/queue.server";
import { findPoster, posterNotFound } from "~/modules/posters/find-poster.server";
import { listPosterRenders } from "~/modules/posters/list-poster-renders.server";
import { requestPosterRender } from "~/modules/posters/request-poster-render.server";
import { requestPosterRenderSchema } from "~/modules/posters/schemas";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  const pieceId = parseId(params.id);
  const { db } = getStudio();
  if (!findPoster(db, pieceId)) throw failureResponse(request, posterNotFound());
  return json({ items: listPosterRenders(db, pieceId) });
}

/** Queues a render (with variants); 202 with the job. A render already waiting or running is answered instead. */
export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "GET POST");
  const actor = await requireActor(request, "renders.create");
  const pieceId = parseId(params.id);
  const { db, config, now } = getStudio();
  return writeJson(
    request,
    requestPosterRenderSchema,
    (input) =>
      requestPosterRender({
        db,
        dataDir: config.dataDir,
        actor,
        pieceId,
        input,
        publicBase: resolvePublicBase(request.url),
        now: now(),
      }),
    ({ job, renderId, created }) => ({ job: toJobDto(job), renderId, created }),
    { status: 202, empty: {} },
  );
}
