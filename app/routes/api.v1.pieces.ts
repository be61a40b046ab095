import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseJsonBody, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { createPiece } from "~/modules/pieces/create-piece.server";
import { getPiece } from "~/modules/pieces/get-piece.server";
import { listPieces } from "~/modules/pieces/list-pieces.server";
import { createPieceSchema, listPiecesQuerySchema } from "~/modules/pieces/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  const query = parseQuery(request, listPiecesQuerySchema);
  return json(listPieces({ db: getStudio().db, query }));
}

export async function action({ request }: ActionFunctionArgs) {
  requireMethod(request, "GET POST");
  const actor = await requireActor(request, "pieces.create");
  const { db, now, config } = getStudio();
  const input = await parseJsonBody(request, createPieceSchema(config.timeZone));
  const result = createPiece({ db, actor, input, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json(getPiece({ db, pieceId: result.pieceId }), { status: 201 });
}
