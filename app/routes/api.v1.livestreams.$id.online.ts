import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { runShowCommand } from "~/modules/livestream/run-show-command.server";
import { onlineCountSchema } from "~/modules/livestream/show-input";

/** The online count, e.g. from a platform bridge; the peak arms the red-envelope rain. */
export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "POST");
  const actor = await requireActor(request, "livestream.control");
  const showId = parseId(params.id);
  const { count } = await parseJsonBody(request, onlineCountSchema);
  const { db, now } = getStudio();
  const result = runShowCommand({ db, actor, showId, action: { type: "setOnline", count }, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json({ ok: true, state: result.state, serverNow: result.serverNow });
}
