import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { foundJson, writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
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
  return foundJson(request, page, "chapter", ({ chapter }) => chapter);
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PATCH");
  const actor = await requireActor(request, "ebooks.edit");
  const pieceId = parseId(params.id);
  const chapterId = parseId(params.chapterId);
  const { db, now } = getStudio();
  return writeJson(
    request,
    updateChapterSchema,
    (input) => updateChapter({ db, actor, pieceId, chapterId, input, now: now() }),
    () => getChapterPage({ db, pieceId, chapterId, actor })!.chapter,
  );
}
