import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getChapterPage } from "~/modules/ebooks/get-chapter-page.server";
import { updateChapterSchema } from "~/modules/ebooks/schemas";
import { updateChapter } from "~/modules/ebooks/update-chapter.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "ebooks.read");
  const page = getChapterPage({
    db: getStudio().db,
    pieceId: parseId(params.id),
    chapterId: parseId(params.chapterId),
    actor,
  });
  if (!page) throw apiError(request, 404, "not_found", "章节不存在。", { params: { context: "chapter" } });
  return json(page.chapter);
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PATCH");
  const actor = await requireActor(request, "ebooks.edit");
  const pieceId = parseId(params.id);
  const chapterId = parseId(params.chapterId);
  const input = await parseJsonBody(request, updateChapterSchema);
  const { db, now } = getStudio();
  const result = updateChapter({ db, actor, pieceId, chapterId, input, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json(getChapterPage({ db, pieceId, chapterId, actor })!.chapter);
}
