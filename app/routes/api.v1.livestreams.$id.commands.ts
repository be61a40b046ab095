import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { runShowCommand } from "~/modules/livestream/run-show-command.server";
import { showActionSchema } from "~/modules/livestream/show-action-schema";

/**
 * The console's commands over the API (same rules as the console). The module checks the role:
 * producers drive, and an editor may send one command, going live with an override reason.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "POST");
  const actor = await requireActor(request, "livestream.read");
  const showId = parseId(params.id);
  const command = await parseJsonBody(request, showActionSchema);
  const { db, now } = getStudio();
  const result = runShowCommand({ db, actor, showId, action: command, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json({ ok: true, state: result.state, serverNow: result.serverNow });
}
