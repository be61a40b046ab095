import type { LoaderFunctionArgs } from "@remix-run/node";
import { foundJson } from "~/lib/api-answer.server";
import { requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getBookPage } from "~/modules/ebooks/get-book-page.server";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "ebooks.read");
  const pieceId = parseId(params.id);
  const publicBase = resolvePublicBase(request.url);
  return foundJson(request, getBookPage({ db: getStudio().db, pieceId, actor, publicBase }), "book");
}
