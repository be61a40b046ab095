import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { resendSlot } from "~/modules/publishing/resend-slot.server";
import { resendSlotSchema } from "~/modules/publishing/publishing-schemas";

/** POST /api/v1/slots/{id}/resend: an editor sends an unconfirmed or failed slot again. */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "publishing.resend");
  const slotId = parseId(params.id);
  await parseJsonBody(request, resendSlotSchema, { empty: {} });
  const { db, now } = getStudio();
  const result = resendSlot({ db, actor, slotId, now: now() });
  if (!result.ok) return failureResponse(request, result);
  const { ok: _ok, ...queued } = result;
  return json(queued);
}
