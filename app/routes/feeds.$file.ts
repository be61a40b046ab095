import type { LoaderFunctionArgs } from "@remix-run/node";
import { failureResponse } from "~/lib/forms.server";
import { takeOrRefuse } from "~/lib/public-form.server";
import { feedLimiter } from "~/lib/public-limits.server";
import { clientAddress } from "~/lib/request-guard.server";
import { getStudio } from "~/lib/studio.server";
import { renderCalendarFeed } from "~/modules/calendar-feeds/render-calendar-feed.server";
import { publicBaseUrl } from "~/modules/ebooks/public-url.server";

/**
 * GET /feeds/{token}.ics: a secret calendar feed, public by design (calendar apps send no
 * cookies); the 256-bit token is the credential, revocable on the feeds page. Unknown and revoked
 * tokens answer the same 404. Rate-limited per address, so tokens cannot be guessed at speed.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  takeOrRefuse(request, {
    ip: clientAddress(request, context as { clientIp?: string }),
    limiter: feedLimiter,
  });
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
