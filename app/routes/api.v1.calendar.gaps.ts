import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { listGaps } from "~/modules/calendar/list-gaps.server";
import { gapsQuerySchema } from "~/modules/calendar/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "calendar.read");
  const { db, now, config } = getStudio();
  const { from, to, channel } = parseQuery(request, gapsQuerySchema(config.timeZone));
  const items = listGaps({
    db,
    dataKey: config.dataKey,
    now: now(),
    timeZone: config.timeZone,
    from,
    to,
    channelKeys: channel,
  });
  return json({ items, total: items.length });
}
