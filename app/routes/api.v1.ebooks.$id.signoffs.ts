import type { ActionFunctionArgs } from "@remix-run/node";
import { writeJson } from "~/lib/api-answer.server";
import { postOnly, requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getBookPage } from "~/modules/ebooks/get-book-page.server";
import { recordSignoff } from "~/modules/ebooks/record-signoff.server";
import { recordSignoffSchema } from "~/modules/ebooks/schemas";

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") throw postOnly(request);
  const actor = await requireActor(request, "ebooks.signoff");
  const pieceId = parseId(params.id);
  const { db, now } = getStudio();
  return writeJson(
    request,
    recordSignoffSchema,
    (input) => recordSignoff({ db, actor, pieceId, input, now: now() }),
    ({ signoffId }) => ({ id: signoffId, signoff: getBookPage({ db, pieceId, actor })?.signoff }),
    { status: 201 },
  );
}
