import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { notFound, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getShowSnapshot } from "~/modules/livestream/get-show-snapshot.server";

/** The full state, fetched by a screen that noticed it missed a change. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "livestream.read");
  const { db, now } = getStudio();
  const snapshot = getShowSnapshot({ db, showId: parseId(params.id), now: now() });
  if (!snapshot) throw notFound(request, "show");
  return json(snapshot, { headers: { "Cache-Control": "no-store" } });
}
