import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { createSlot } from "~/modules/calendar/create-slot.server";
import { listSlots } from "~/modules/calendar/list-slots.server";
import { calendarQuerySchema, createSlotSchema } from "~/modules/calendar/schemas";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "calendar.read");
  const { db, config } = getStudio();
  const { from, to, channel, ...filters } = parseQuery(request, calendarQuerySchema(config.timeZone));
  const items = listSlots({
    db,
    from,
    to,
    filters: { ...filters, channelKeys: channel },
    publicBase: resolvePublicBase(request.url),
  });
  return json({ items, total: items.length });
}

export async function action({ request }: ActionFunctionArgs) {
  requireMethod(request, "GET POST");
  const actor = await requireActor(request, "calendar.schedule");
  const { db, now, config } = getStudio();
  return writeJson(
    request,
    createSlotSchema(config.timeZone),
    (input) =>
      createSlot({
        db,
        actor,
        now: now(),
        timeZone: config.timeZone,
        input,
        publicBase: resolvePublicBase(request.url),
      }),
    ({ slot }) => slot,
    { status: 201 },
  );
}
