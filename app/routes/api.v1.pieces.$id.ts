import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { foundJson, writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getPiece } from "~/modules/pieces/get-piece.server";
import { updatePieceSchema } from "~/modules/pieces/schemas";
import { updatePiece } from "~/modules/pieces/update-piece.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  return foundJson(request, getPiece({ db: getStudio().db, pieceId: parseId(params.id) }), "piece");
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PATCH");
  const actor = await requireActor(request, "pieces.edit");
  const pieceId = parseId(params.id);
  const { db, now, config } = getStudio();
  return writeJson(
    request,
    updatePieceSchema(config.timeZone),
    (input) => updatePiece({ db, actor, pieceId, input, now: now() }),
    () => getPiece({ db, pieceId }),
  );
}
