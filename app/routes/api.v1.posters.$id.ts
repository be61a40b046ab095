import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";
import { posterNotFound } from "~/modules/posters/find-poster.server";
import { toPosterDto } from "~/modules/posters/get-poster.server";
import { updatePosterSchema } from "~/modules/posters/schemas";
import { updatePoster } from "~/modules/posters/update-poster.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  const poster = toPosterDto(getStudio().db, parseId(params.id), resolvePublicBase(request.url));
  if (!poster) throw failureResponse(request, posterNotFound());
  return json(poster);
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PATCH");
  const actor = await requireActor(request, "pieces.edit");
  const pieceId = parseId(params.id);
  const { db, now } = getStudio();
  return writeJson(
    request,
    updatePosterSchema,
    (input) => updatePoster({ db, actor, pieceId, input, now: now() }),
    () => toPosterDto(db, pieceId, resolvePublicBase(request.url)),
  );
}
