import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseId, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";
import { previewPoster } from "~/modules/posters/preview-poster.server";
import { POSTER_PIECE_SIZES, posterFieldsSchema, templateKeySchema } from "~/modules/posters/schemas";

const previewQuery = posterFieldsSchema.extend({
  template: templateKeySchema.optional(),
  size: z.enum(POSTER_PIECE_SIZES).optional(),
});

/** The editor's live preview: the poster drawn with the copy in the query, as a PNG. Writes nothing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  const { template, size, ...fields } = parseQuery(request, previewQuery);
  const { db, config } = getStudio();
  const result = await previewPoster({
    db,
    dataDir: config.dataDir,
    pieceId: parseId(params.id),
    template,
    size,
    fields,
    publicBase: resolvePublicBase(request.url),
  });
  if (!result.ok) return failureResponse(request, result);
  return new Response(Buffer.from(result.png), {
    headers: { "Content-Type": "image/png", "Cache-Control": "no-store" },
  });
}
