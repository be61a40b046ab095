import type { ActionFunctionArgs } from "@remix-run/node";
import { writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
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
  const { db, now } = getStudio();
  return writeJson(
    request,
    showActionSchema,
    (command) => runShowCommand({ db, actor, showId, action: command, now: now() }),
    ({ state, serverNow }) => ({ ok: true, state, serverNow }),
  );
}
