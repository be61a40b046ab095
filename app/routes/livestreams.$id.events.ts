import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { openShowEvents } from "~/modules/livestream/show-events.server";

const CAPABILITY = "livestream.read";

/**
 * Server-Sent Events of one show: a snapshot on every (re)connect, then heartbeats and changes.
 * The stream asks the same gate again every few heartbeats, so a disabled user, a revoked or
 * expired session, or a role that lost the capability ends it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, CAPABILITY);
  const opened = openShowEvents({
    showId: parseId(params.id),
    request,
    access: {
      holder: String(actor.id),
      stillAllowed: () => requireActor(request, CAPABILITY).then((again) => again.id === actor.id),
    },
  });
  if (!opened.ok)
    throw json(
      { message: opened.message },
      { status: opened.status, headers: opened.status === 429 ? { "Retry-After": "5" } : undefined },
    );
  return opened.response;
}
