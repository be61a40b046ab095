import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { parseQuery } from "~/lib/forms.server";
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
  return writeJson(
    request,
    createArticleSchema(config.timeZone),
    (input) => createArticle({ db, actor, input, now: now() }),
    ({ pieceId }) => getArticle({ db, pieceId }),
    { status: 201 },
  );
}
