import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { getStudio } from "~/lib/studio.server";
import { listChannels } from "~/modules/calendar/list-channels.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "calendar.read");
  const { db, config } = getStudio();
  const items = listChannels({ db, dataKey: config.dataKey });
  return json({ items, total: items.length });
}
