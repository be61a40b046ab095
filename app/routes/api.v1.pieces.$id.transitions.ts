import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getPiece } from "~/modules/pieces/get-piece.server";
import { transitionPieceSchema } from "~/modules/pieces/schemas";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";

export async function action({ request, params }: ActionFunctionArgs) {
  // The state machine checks the role for the specific action.
  const actor = await requireActor(request, "pieces.read");
  const pieceId = parseId(params.id);
  const { db, now, config } = getStudio();
  const input = await parseJsonBody(request, transitionPieceSchema(config.timeZone));
  const result = transitionPiece({
    db,
    actor,
    pieceId,
    action: input.action,
    note: input.note,
    scheduledAt: input.scheduledAt,
    now: now(),
  });
  if (!result.ok) return failureResponse(request, result);
  return json(getPiece({ db, pieceId }));
}
