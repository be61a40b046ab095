import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requestLanguage } from "~/i18n/i18n";
import { postOnly, requireActor } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getPieceReview } from "~/modules/compliance/review/get-piece-review.server";
import { justifyFindings } from "~/modules/compliance/review/justify-findings.server";
import { recordOriginalityException } from "~/modules/compliance/review/record-originality-exception.server";
import { apiJustificationSchema } from "~/modules/compliance/review/schemas";

const USE_CASES = { findings: justifyFindings, originality: recordOriginalityException };

/** A justification of the current text's review findings, or an originality exception. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") throw postOnly(request);
  const actor = await requireActor(request, "compliance.justify");
  const pieceId = parseId(params.id);
  const { kind, ...input } = await parseJsonBody(request, apiJustificationSchema);
  const { db, now } = getStudio();
  const result = USE_CASES[kind]({ db, actor, pieceId, input, now: now() });
  if (!result.ok) return failureResponse(request, result);
  const review = getPieceReview({ db, pieceId, lang: requestLanguage(request, { acceptLanguage: true }) });
  return json({ ids: result.justificationIds, review }, { status: 201 });
}
