import type { LoaderFunctionArgs } from "@remix-run/node";
import { translator } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { notFound, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { renderShowRundown } from "~/modules/livestream/render-show-rundown.server";

/** The printable rundown, rendered in the request (about half a second). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "livestream.read");
  const { db, config, now } = getStudio();
  const rendered = await renderShowRundown({
    db,
    showId: parseId(params.id),
    timeZone: config.timeZone,
    now: now(),
  });
  if (!rendered) throw notFound(request, "show");
  return new Response(new Uint8Array(rendered.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="rundown-${params.id}.pdf"; filename*=UTF-8''${encodeURIComponent(translator("zh")("livestream.rundown.fileName", { title: rendered.title }))}`,
      "Cache-Control": "private, no-store",
    },
  });
}
