import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { foundJson, writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getArticle } from "~/modules/articles/get-article.server";
import { updateArticleSchema } from "~/modules/articles/schemas";
import { updateArticle } from "~/modules/articles/update-article.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  return foundJson(request, getArticle({ db: getStudio().db, pieceId: parseId(params.id) }), "article");
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PATCH");
  const actor = await requireActor(request, "pieces.edit");
  const pieceId = parseId(params.id);
  const { db, now, config } = getStudio();
  return writeJson(
    request,
    updateArticleSchema(config.timeZone),
    (input) => updateArticle({ db, actor, pieceId, input, now: now() }),
    () => getArticle({ db, pieceId }),
  );
}
