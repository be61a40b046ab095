import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { postOnly, requireActor } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getBookPage } from "~/modules/ebooks/get-book-page.server";
import { recordSignoff } from "~/modules/ebooks/record-signoff.server";
import { recordSignoffSchema } from "~/modules/ebooks/schemas";

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") throw postOnly(request);
  const actor = await requireActor(request, "ebooks.signoff");
  const pieceId = parseId(params.id);
  const input = await parseJsonBody(request, recordSignoffSchema);
  const { db, now } = getStudio();
  const result = recordSignoff({ db, actor, pieceId, input, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json(
    { id: result.signoffId, signoff: getBookPage({ db, pieceId, actor })?.signoff },
    { status: 201 },
  );
}
