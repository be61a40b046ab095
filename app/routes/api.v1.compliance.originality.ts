import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor } from "~/lib/auth.server";
import { failureResponse, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { checkOriginalityRequest } from "~/modules/compliance/originality/check-originality-request.server";
import { originalityRequestSchema } from "~/modules/compliance/originality/schemas";

export async function action({ request }: ActionFunctionArgs) {
  await requireActor(request, "compliance.scan");
  if (request.method !== "POST")
    throw apiError(request, 405, "method_not_allowed", "只支持 POST。", { params: { context: "postOnly" } });
  const input = await parseJsonBody(request, originalityRequestSchema);
  const checked = checkOriginalityRequest({ db: getStudio().db, input });
  if (!checked.ok) return failureResponse(request, checked);
  return json(checked.result);
}
