import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getStudio } from "~/lib/studio.server";
import { findLandingFile } from "~/modules/landing/find-landing-file.server";
import { LANDING_NOT_FOUND } from "~/modules/landing/get-landing-page.server";
import { openFileBody } from "~/modules/media/media-store.server";

/**
 * Public: the published render of an episode, for the landing page's player. Byte ranges are
 * honoured (206), so the player seeks without downloading the whole file; a piece that is not
 * published answers the same 404 as an unknown slug.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, config } = getStudio();
  const found = findLandingFile({ db, dataDir: config.dataDir, slug: params.slug ?? "", file: "video" });
  const body = found
    ? await openFileBody({ fullPath: found.fullPath, range: request.headers.get("range") })
    : null;
  if (!body?.ok)
    return json(body?.status === 416 ? { message: "请求的范围无效。" } : LANDING_NOT_FOUND, {
      status: body?.status ?? 404,
    });
  // `?v=` names the render version, so a short public cache never serves an old cut for long.
  return new Response(body.body, {
    status: body.status,
    headers: { ...body.headers, "Cache-Control": "public, max-age=300" },
  });
}
