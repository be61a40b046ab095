import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getBookPage } from "~/modules/ebooks/get-book-page.server";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "ebooks.read");
  const page = getBookPage({
    db: getStudio().db,
    pieceId: parseId(params.id),
    actor,
    publicBase: resolvePublicBase(request.url),
  });
  if (!page) throw apiError(request, 404, "not_found", "这本书不存在。", { params: { context: "book" } });
  return json(page);
}
