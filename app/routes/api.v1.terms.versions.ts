import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { listLibraryVersions } from "~/modules/compliance/terms/list-library-versions.server";
import { versionListQuerySchema } from "~/modules/compliance/terms/term-schemas";

/** GET: the library's versions, newest first (cause, who, when, term count). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "terms.read");
  const { limit } = parseQuery(request, versionListQuerySchema);
  const items = listLibraryVersions({ db: getStudio().db, limit });
  return json({ items, total: items.length });
}
