import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { deleteTerm } from "~/modules/compliance/terms/delete-term.server";
import { getTerm } from "~/modules/compliance/terms/get-term.server";
import { termPatchSchema } from "~/modules/compliance/terms/term-schemas";
import { updateTerm } from "~/modules/compliance/terms/update-term.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "terms.read");
  const term = getTerm({ db: getStudio().db, termId: parseId(params.id) });
  if (!term) throw apiError(request, 404, "not_found", "词条不存在。", { params: { context: "term" } });
  return json(term);
}

/** PATCH: change any of a term's fields; DELETE: take it out. Both answer the new library version. */
export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PATCH DELETE");
  const actor = await requireActor(request, "terms.manage");
  const termId = parseId(params.id);
  const { db, now } = getStudio();
  if (request.method === "DELETE") {
    const result = deleteTerm({ db, actor, now: now(), termId });
    if (!result.ok) return failureResponse(request, result);
    return json({ version: result.version });
  }
  const patch = await parseJsonBody(request, termPatchSchema);
  const result = updateTerm({ db, actor, now: now(), termId, patch });
  if (!result.ok) return failureResponse(request, result);
  return json({ term: result.term, version: result.version, changed: result.changed });
}
