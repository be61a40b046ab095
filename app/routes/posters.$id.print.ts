import type { LoaderFunctionArgs } from "@remix-run/node";
import { download } from "~/lib/api-answer.server";
import { requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
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
  return download(request, result, "application/pdf", ({ pdf }) => pdf);
}
