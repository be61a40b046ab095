import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requestLanguage } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { getStudio } from "~/lib/studio.server";
import { listNotifications } from "~/modules/notifications/list-notifications.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "dashboard.view");
  const { db, config } = getStudio();
  return json(
    listNotifications({
      db,
      userId: actor.id,
      lang: requestLanguage(request, { acceptLanguage: true }),
      timeZone: config.timeZone,
    }),
  );
}
