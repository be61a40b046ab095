import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { postOnly, postOnlyLoader, requireActor } from "~/lib/auth.server";
import { failureResponse, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { scanText } from "~/modules/compliance/scan-text.server";
import { scanRequestSchema } from "~/modules/compliance/scanner/scan-schemas";

/** A scan is a POST (the text can be long); GET answers 405 like the other POST-only routes. */
export const loader = postOnlyLoader("compliance.scan");

export async function action({ request }: ActionFunctionArgs) {
  await requireActor(request, "compliance.scan");
  if (request.method !== "POST") throw postOnly(request);
  const { text } = await parseJsonBody(request, scanRequestSchema);
  const scanned = scanText({ db: getStudio().db, text });
  if (!scanned.ok) return failureResponse(request, scanned);
  const { findings, termsVersion } = scanned;
  return json({ findings, termsVersion });
}
