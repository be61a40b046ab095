import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { answerJson, foundJson, writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { deleteTerm } from "~/modules/compliance/terms/delete-term.server";
import { getTerm } from "~/modules/compliance/terms/get-term.server";
import { termPatchSchema } from "~/modules/compliance/terms/term-schemas";
import { updateTerm } from "~/modules/compliance/terms/update-term.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "terms.read");
  return foundJson(request, getTerm({ db: getStudio().db, termId: parseId(params.id) }), "term");
}

/** PATCH: change any of a term's fields; DELETE: take it out. Both answer the new library version. */
export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PATCH DELETE");
  const actor = await requireActor(request, "terms.manage");
  const termId = parseId(params.id);
  const { db, now } = getStudio();
  if (request.method === "DELETE")
    return answerJson(request, deleteTerm({ db, actor, now: now(), termId }), ({ version }) => ({ version }));
  return writeJson(
    request,
    termPatchSchema,
    (patch) => updateTerm({ db, actor, now: now(), termId, patch }),
    ({ term, version, changed }) => ({ term, version, changed }),
  );
}
