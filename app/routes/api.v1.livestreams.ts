import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { createShow } from "~/modules/livestream/create-show.server";
import { getShow } from "~/modules/livestream/get-show.server";
import { listShows } from "~/modules/livestream/list-shows.server";
import { showInputSchema } from "~/modules/livestream/show-input";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "livestream.read");
  const items = listShows({ db: getStudio().db });
  return json({ items, total: items.length });
}

export async function action({ request }: ActionFunctionArgs) {
  requireMethod(request, "GET POST");
  const actor = await requireActor(request, "livestream.edit");
  const { db, now, config } = getStudio();
  const input = await parseJsonBody(request, showInputSchema(config.timeZone));
  const result = createShow({ db, actor, input, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json(getShow({ db, showId: result.showId }), { status: 201 });
}
