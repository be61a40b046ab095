import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { foundJson, writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { deleteSlot } from "~/modules/calendar/delete-slot.server";
import { getSlot } from "~/modules/calendar/get-slot.server";
import { deleteSlotSchema, updateSlotSchema } from "~/modules/calendar/schemas";
import { updateSlot } from "~/modules/calendar/update-slot.server";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "calendar.read");
  const publicBase = resolvePublicBase(request.url);
  return foundJson(request, getSlot({ db: getStudio().db, slotId: parseId(params.id), publicBase }), "slot");
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PATCH DELETE");
  const actor = await requireActor(request, "calendar.schedule");
  const slotId = parseId(params.id);
  const { db, now, config } = getStudio();
  if (request.method === "DELETE") {
    const { version } = parseQuery(request, deleteSlotSchema);
    const result = deleteSlot({ db, actor, now: now(), slotId, version });
    if (!result.ok) return failureResponse(request, result);
    return new Response(null, { status: 204 });
  }
  return writeJson(
    request,
    updateSlotSchema(config.timeZone),
    (input) =>
      updateSlot({
        db,
        actor,
        now: now(),
        timeZone: config.timeZone,
        slotId,
        input,
        publicBase: resolvePublicBase(request.url),
      }),
    ({ slot }) => slot,
  );
}
