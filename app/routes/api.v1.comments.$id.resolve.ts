import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { resolveCommentSchema } from "~/modules/comments/comment-anchor";
import { resolveComment } from "~/modules/comments/resolve-comment.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "pieces.read");
  const commentId = parseId(params.id);
  const input = await parseJsonBody(request, resolveCommentSchema, { empty: {} });
  const { db, now } = getStudio();
  const result = resolveComment({ db, actor, commentId, resolved: input.resolved, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json({ id: result.threadId, status: result.status });
}
