import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { parseQuery } from "~/lib/forms.server";
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
  return writeJson(
    request,
    createPieceSchema(config.timeZone),
    (input) => createPiece({ db, actor, input, now: now() }),
    ({ pieceId }) => getPiece({ db, pieceId }),
    { status: 201 },
  );
}
