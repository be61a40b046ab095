import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseJsonBody, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { createArticle } from "~/modules/articles/create-article.server";
import { getArticle } from "~/modules/articles/get-article.server";
import { listArticles } from "~/modules/articles/list-articles.server";
import { createArticleSchema, listArticlesQuerySchema } from "~/modules/articles/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  const query = parseQuery(request, listArticlesQuerySchema);
  return json(listArticles({ db: getStudio().db, query }));
}

export async function action({ request }: ActionFunctionArgs) {
  requireMethod(request, "GET POST");
  const actor = await requireActor(request, "pieces.create");
  const { db, now, config } = getStudio();
  const input = await parseJsonBody(request, createArticleSchema(config.timeZone));
  const result = createArticle({ db, actor, input, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json(getArticle({ db, pieceId: result.pieceId }), { status: 201 });
}
