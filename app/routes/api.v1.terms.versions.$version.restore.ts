import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { postOnly, requireActor } from "~/lib/auth.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { restoreLibraryVersion } from "~/modules/compliance/terms/restore-library-version.server";

/** POST: make this version the library again, as a new version (nothing in between is lost). */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") throw postOnly(request);
  const actor = await requireActor(request, "terms.manage");
  const { db, now } = getStudio();
  const result = restoreLibraryVersion({ db, actor, now: now(), version: parseId(params.version) });
  if (!result.ok) return failureResponse(request, result);
  const { ok: _ok, ...answer } = result;
  return json(answer);
}
