import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { postOnly, postOnlyLoader, requireActor } from "~/lib/auth.server";
import { failureResponse, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { checkOriginalityRequest } from "~/modules/compliance/originality/check-originality-request.server";
import { originalityRequestSchema } from "~/modules/compliance/originality/schemas";

/** A check is a POST (the text can be long); GET answers 405 like the other POST-only routes. */
export const loader = postOnlyLoader("compliance.scan");

export async function action({ request }: ActionFunctionArgs) {
  await requireActor(request, "compliance.scan");
  if (request.method !== "POST") throw postOnly(request);
  const input = await parseJsonBody(request, originalityRequestSchema);
  const checked = checkOriginalityRequest({ db: getStudio().db, input });
  if (!checked.ok) return failureResponse(request, checked);
  return json(checked.result);
}
