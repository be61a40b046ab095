import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";
import { posterPrintPdf } from "~/modules/posters/poster-downloads.server";

/** The A4 print PDF (300 dpi, 3 mm bleed); refused while the QR address is not public. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  const { db, config } = getStudio();
  const result = await posterPrintPdf({
    db,
    dataDir: config.dataDir,
    pieceId: parseId(params.id),
    publicBase: resolvePublicBase(request.url),
  });
  if (!result.ok) throw failureResponse(request, result);
  return new Response(Buffer.from(result.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${result.name}"`,
    },
  });
}
