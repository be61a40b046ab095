import type { LoaderFunctionArgs } from "@remix-run/node";
import { failureResponse } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { renderCalendarFeed } from "~/modules/calendar-feeds/render-calendar-feed.server";
import { publicBaseUrl } from "~/modules/ebooks/public-url.server";

/**
 * GET /feeds/{token}.ics: a secret calendar feed, public by design (calendar apps send no
 * cookies); the 256-bit token is the credential, revocable on the feeds page. Unknown and revoked
 * tokens answer the same 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = /^(.+)\.ics$/.exec(params.file ?? "")?.[1] ?? "";
  const { db, now } = getStudio();
  const feed = renderCalendarFeed({ db, token, base: publicBaseUrl(request.url), now: now() });
  if (!feed.ok) throw failureResponse(request, feed);
  return new Response(feed.ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="studio.ics"',
      // The URL is a secret: no shared caches, and no referrer leaking it from a linked page.
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
