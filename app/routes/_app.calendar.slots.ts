import type { ActionFunctionArgs } from "@remix-run/node";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio } from "~/lib/studio.server";
import { createSlot } from "~/modules/calendar/create-slot.server";
import { createSlotSchema } from "~/modules/calendar/schemas";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";

// The calendar's "schedule" form (a piece dropped on a day, or a gap filled): posted by a fetcher.
type Context = { timeZone: string };

const intent = intentsFor<Context>();

const INTENTS = {
  "create-slot": intent({
    capability: "calendar.schedule",
    schema: ({ timeZone }) => createSlotSchema(timeZone),
    run: ({ actor, input, timeZone, request }) => {
      const { db, now } = getStudio();
      return createSlot({
        db,
        actor,
        now: now(),
        timeZone,
        input,
        publicBase: resolvePublicBase(request.url),
      });
    },
    notice: "calendar.create.created",
    data: (done) => ({ slotId: done.slot.id }),
  }),
};

export async function action({ request }: ActionFunctionArgs) {
  return dispatchIntent(request, INTENTS, {
    context: { timeZone: getStudio().config.timeZone },
    capability: "calendar.read",
  });
}
