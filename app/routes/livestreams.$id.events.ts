import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { openShowEvents } from "~/modules/livestream/show-events.server";

/** Server-Sent Events of one show: a snapshot on every (re)connect, then heartbeats and changes. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "livestream.read");
  const response = openShowEvents({ showId: parseId(params.id), request });
  if (!response) throw json({ message: "直播不存在。" }, { status: 404 });
  return response;
}
