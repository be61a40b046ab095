import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requestLanguage } from "~/i18n/i18n";
import { apiError, requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getPieceReview } from "~/modules/compliance/review/get-piece-review.server";

/** The piece's stored check and the review of its current text (what the piece page shows). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  const review = getPieceReview({
    db: getStudio().db,
    pieceId: parseId(params.id),
    lang: requestLanguage(request, { acceptLanguage: true }),
  });
  if (!review) throw apiError(request, 404, "not_found", "内容不存在。", { params: { context: "piece" } });
  return json(review);
}
