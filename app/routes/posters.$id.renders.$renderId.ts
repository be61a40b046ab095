import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { openFileBody } from "~/modules/media/media-store.server";
import { posterRenderFile } from "~/modules/posters/poster-downloads.server";

/** A finished version's image, or one variant's (`?variant=key`); `?download=1` saves it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  const url = new URL(request.url);
  const { db, config } = getStudio();
  const found = posterRenderFile({
    db,
    dataDir: config.dataDir,
    pieceId: parseId(params.id),
    renderId: parseId(params.renderId),
    variant: url.searchParams.get("variant"),
  });
  if (!found.ok) throw failureResponse(request, found);
  const body = await openFileBody({ fullPath: found.fullPath, range: null });
  if (!body.ok) throw new Response(null, { status: 404 });
  const headers: Record<string, string> = { ...body.headers, "Cache-Control": "private, max-age=3600" };
  if (url.searchParams.get("download"))
    headers["Content-Disposition"] = `attachment; filename="${found.name}"`;
  return new Response(body.body, { status: body.status, headers });
}
