import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getArticle } from "~/modules/articles/get-article.server";
import { updateArticleSchema } from "~/modules/articles/schemas";
import { updateArticle } from "~/modules/articles/update-article.server";

function notFound(request: Request): Response {
  return apiError(request, 404, "not_found", "文章不存在。", { params: { context: "article" } });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  const article = getArticle({ db: getStudio().db, pieceId: parseId(params.id) });
  if (!article) throw notFound(request);
  return json(article);
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PATCH");
  const actor = await requireActor(request, "pieces.edit");
  const pieceId = parseId(params.id);
  const { db, now, config } = getStudio();
  const input = await parseJsonBody(request, updateArticleSchema(config.timeZone));
  const result = updateArticle({ db, actor, pieceId, input, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json(getArticle({ db, pieceId }));
}
