import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { fontSample } from "~/modules/posters/font-sample.server";

const sampleQuery = z.object({ font: z.string().trim().max(40) });

/** The brand kit page's sample of a face: the saved dealer name set in it, as a PNG. Writes nothing. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  const { font } = parseQuery(request, sampleQuery);
  const result = await fontSample({ db: getStudio().db, font });
  if (!result.ok) return failureResponse(request, result);
  return new Response(Buffer.from(result.png), {
    headers: { "Content-Type": "image/png", "Cache-Control": "no-cache" },
  });
}
