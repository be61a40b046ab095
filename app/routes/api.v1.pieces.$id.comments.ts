import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { foundJson, writeJson } from "~/lib/api-answer.server";
import { requireActor } from "~/lib/auth.server";
import { parseId, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { addComment } from "~/modules/comments/add-comment.server";
import { addCommentSchema, listCommentsQuerySchema } from "~/modules/comments/comment-anchor";
import { listComments } from "~/modules/comments/list-comments.server";
import { getPiece } from "~/modules/pieces/get-piece.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "pieces.read");
  const pieceId = parseId(params.id);
  const { status, chapterId } = parseQuery(request, listCommentsQuerySchema);
  const { db } = getStudio();
  const found = listComments({ db, actor, pieceId, status: status ?? "all", chapterId });
  // Nothing is a missing piece, or (with chapterId) a chapter that is not one of the piece's.
  const missing = !found && chapterId !== undefined && getPiece({ db, pieceId }) ? "chapter" : "piece";
  return foundJson(request, found, missing);
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Who may comment (reviewers, the piece's owner) is the module's rule.
  const actor = await requireActor(request, "pieces.read");
  const pieceId = parseId(params.id);
  const { db, now } = getStudio();
  return writeJson(
    request,
    addCommentSchema,
    (input) => addComment({ db, actor, pieceId, input, now: now() }),
    ({ commentId, mentioned }) => ({ id: commentId, mentioned }),
    { status: 201 },
  );
}
