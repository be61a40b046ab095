import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getLibraryVersion } from "~/modules/compliance/terms/get-library-version.server";

/** GET: one version with the whole library as it was then. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "terms.read");
  const version = parseId(params.version);
  const found = getLibraryVersion({ db: getStudio().db, version });
  if (!found)
    throw apiError(request, 404, "not_found", `词库没有第 ${version} 版。`, {
      params: { context: "libraryVersion", version },
    });
  return json(found);
}
