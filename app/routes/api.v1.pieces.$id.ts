import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getPiece } from "~/modules/pieces/get-piece.server";
import { updatePieceSchema } from "~/modules/pieces/schemas";
import { updatePiece } from "~/modules/pieces/update-piece.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  const piece = getPiece({ db: getStudio().db, pieceId: parseId(params.id) });
  if (!piece) throw apiError(request, 404, "not_found", "内容不存在。", { params: { context: "piece" } });
  return json(piece);
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PATCH");
  const actor = await requireActor(request, "pieces.edit");
  const pieceId = parseId(params.id);
  const { db, now, config } = getStudio();
  const input = await parseJsonBody(request, updatePieceSchema(config.timeZone));
  const result = updatePiece({ db, actor, pieceId, input, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json(getPiece({ db, pieceId }));
}
