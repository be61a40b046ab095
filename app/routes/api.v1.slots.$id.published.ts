import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { markSlotPublished } from "~/modules/publishing/mark-slot-published.server";
import { markPublishedSchema } from "~/modules/publishing/publishing-schemas";

/** POST /api/v1/slots/{id}/published `{url}`: the slot is live at url (operator or editor). */
export async function action({ request, params }: ActionFunctionArgs) {
  // The row rule (the channel's operator, or an editor) is the module's.
  const actor = await requireActor(request, "publishing.handoff");
  const slotId = parseId(params.id);
  const input = await parseJsonBody(request, markPublishedSchema);
  const { db, now } = getStudio();
  const result = markSlotPublished({ db, actor, slotId, url: input.url, now: now() });
  if (!result.ok) return failureResponse(request, result);
  const { ok: _ok, ...published } = result;
  return json(published);
}
