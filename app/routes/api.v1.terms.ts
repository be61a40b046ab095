import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { createTerm } from "~/modules/compliance/terms/create-term.server";
import { listTerms } from "~/modules/compliance/terms/list-terms.server";
import { termEntrySchema, termListQuerySchema } from "~/modules/compliance/terms/term-schemas";

/** GET: the library now (filters category, severity, q) with its version. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "terms.read");
  const query = parseQuery(request, termListQuerySchema);
  return json(listTerms({ db: getStudio().db, query }));
}

/** POST: add a term or a pattern; answers 201 with the term and the new library version. */
export async function action({ request }: ActionFunctionArgs) {
  requireMethod(request, "GET POST");
  const actor = await requireActor(request, "terms.manage");
  const { db, now } = getStudio();
  return writeJson(
    request,
    termEntrySchema,
    (input) => createTerm({ db, actor, now: now(), input }),
    ({ term, version }) => ({ term, version }),
    { status: 201 },
  );
}
