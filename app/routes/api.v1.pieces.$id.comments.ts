import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { apiError, requireActor } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { addComment } from "~/modules/comments/add-comment.server";
import { addCommentSchema } from "~/modules/comments/comment-anchor";
import { listComments } from "~/modules/comments/list-comments.server";

const querySchema = z.object({
  status: z.enum(["open", "all"], { error: "status 只能是 open 或 all" }).optional(),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "pieces.read");
  const pieceId = parseId(params.id);
  const { status } = parseQuery(request, querySchema);
  const found = listComments({ db: getStudio().db, actor, pieceId, status: status ?? "all" });
  if (!found) throw apiError(request, 404, "not_found", "内容不存在。", { params: { context: "piece" } });
  return json(found);
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Who may comment (reviewers, the piece's owner) is the module's rule.
  const actor = await requireActor(request, "pieces.read");
  const pieceId = parseId(params.id);
  const input = await parseJsonBody(request, addCommentSchema);
  const { db, now } = getStudio();
  const result = addComment({ db, actor, pieceId, input, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json({ id: result.commentId, mentioned: result.mentioned }, { status: 201 });
}
