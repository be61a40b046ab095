import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
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
  return writeJson(
    request,
    showInputSchema(config.timeZone),
    (input) => createShow({ db, actor, input, now: now() }),
    ({ showId }) => getShow({ db, showId }),
    { status: 201 },
  );
}
