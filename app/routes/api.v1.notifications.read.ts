import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { markReadSchema } from "~/modules/notifications/api-schemas";
import { countUnread } from "~/modules/notifications/list-notifications.server";
import { markNotificationsRead } from "~/modules/notifications/mark-notifications-read.server";

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "dashboard.view");
  const input = await parseJsonBody(request, markReadSchema);
  const { db, now } = getStudio();
  const result = markNotificationsRead({ db, actor, target: input, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json({ marked: result.marked, unread: countUnread({ db, userId: actor.id }) });
}
