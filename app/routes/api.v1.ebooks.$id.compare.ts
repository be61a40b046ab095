import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseId, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { compareBuilds } from "~/modules/ebooks/compare-builds.server";
import { compareQuerySchema } from "~/modules/ebooks/schemas";

/** Two builds of a book compared: the page's data, with each changed chapter's line diff. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "ebooks.read");
  const pieceId = parseId(params.id);
  const query = parseQuery(request, compareQuerySchema);
  const comparison = compareBuilds({ db: getStudio().db, pieceId, a: query.a, b: query.b });
  if (!comparison.ok) throw failureResponse(request, comparison);
  const { older, newer, diff } = comparison;
  return json({ older, newer, diff });
}
