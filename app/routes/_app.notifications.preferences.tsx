import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { parseForm, readForm } from "~/lib/forms.server";
import { reply } from "~/lib/reply.server";
import { getStudio } from "~/lib/studio.server";
import { preferencesFormSchema } from "~/modules/notifications/api-schemas";
import {
  getNotificationPreferences,
  updateNotificationPreferences,
} from "~/modules/notifications/notification-preferences.server";

/*
 * The account page's notification settings section loads and saves through this route with a
 * fetcher, so the account page's own action (the password) stays as it is.
 */

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "dashboard.view");
  return { preferences: getNotificationPreferences({ db: getStudio().db, userId: actor.id }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "dashboard.view");
  const parsed = parseForm(preferencesFormSchema, await readForm(request));
  if (!parsed.ok) return reply(request, parsed, { intent: "preferences" });
  const { db, now } = getStudio();
  const result = updateNotificationPreferences({ db, actor, preferences: parsed.data, now: now() });
  return reply(request, result, {
    intent: "preferences",
    notice: "notifications.prefs.saved",
    data: { preferences: result.preferences },
  });
}
