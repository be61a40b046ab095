import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { runShowCommand } from "~/modules/livestream/run-show.server";
import { showActionSchema } from "~/modules/livestream/show-action-schema";

/** The producer's commands: applied, stored with the log and audit, then pushed to every screen. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") throw apiError(405, "method_not_allowed", "请使用 POST。");
  const actor = await requireActor(request, "livestream.control");
  const showId = parseId(params.id);
  const command = await parseJsonBody(request, showActionSchema);
  const { db, now } = getStudio();
  const result = runShowCommand({ db, actor, showId, action: command, now: now() });
  if (!result.ok) return failureResponse(result);
  return json({ ok: true, state: result.state, serverNow: result.serverNow });
}
