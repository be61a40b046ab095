import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { getStudio } from "~/lib/studio.server";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";
import { createPoster } from "~/modules/posters/create-poster.server";
import { listPosters, toPosterDto } from "~/modules/posters/get-poster.server";
import { createPosterSchema } from "~/modules/posters/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  return json({ items: listPosters(getStudio().db) });
}

export async function action({ request }: ActionFunctionArgs) {
  requireMethod(request, "GET POST");
  const actor = await requireActor(request, "pieces.create");
  const { db, now } = getStudio();
  return writeJson(
    request,
    createPosterSchema,
    (input) => createPoster({ db, actor, input, now: now() }),
    ({ pieceId }) => toPosterDto(db, pieceId, resolvePublicBase(request.url)),
    { status: 201 },
  );
}
