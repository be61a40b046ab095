import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getStudio } from "~/lib/studio.server";
import { findLandingFile } from "~/modules/landing/find-landing-file.server";
import { LANDING_NOT_FOUND } from "~/modules/landing/get-landing-page.server";
import { openFileBody } from "~/modules/media/media-store.server";

/**
 * Public: the cover frame of a published episode's render, or a published poster's image. A
 * piece that is not published answers the same 404 as an unknown slug.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const { db, config } = getStudio();
  const found = findLandingFile({ db, dataDir: config.dataDir, slug: params.slug ?? "", file: "cover" });
  const body = found ? await openFileBody({ fullPath: found.fullPath, range: null }) : null;
  if (!body?.ok) return json(LANDING_NOT_FOUND, { status: 404 });
  return new Response(body.body, {
    status: body.status,
    headers: { ...body.headers, "Cache-Control": "public, max-age=300" },
  });
}
