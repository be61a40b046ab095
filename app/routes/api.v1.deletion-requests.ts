import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { postOnly, requireActor } from "~/lib/auth.server";
import { failureResponse } from "~/lib/forms.server";
import { checkPublicForm, readPublicForm } from "~/lib/public-form.server";
import { deletionRequestLimiter as limiter } from "~/lib/public-limits.server";
import { clientAddress } from "~/lib/request-guard.server";
import { getStudio } from "~/lib/studio.server";
import { listDeletionRequests } from "~/modules/privacy/list-deletion-requests.server";
import { deletionRequestSchema } from "~/modules/privacy/privacy-schemas";
import { requestDeletion } from "~/modules/privacy/request-deletion.server";

/** Admins: every request with its due time and state. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "privacy.manage");
  const { db, now } = getStudio();
  return json({ requests: listDeletionRequests({ db, now: now() }) });
}

/** Public (PIPL): delete my data, or withdraw my consent, by phone number. Due in 48 hours. */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") throw postOnly(request);
  const ip = clientAddress(request, context as { clientIp?: string });
  const body = await readPublicForm(request, { ip, limiter, maxBytes: 8 * 1024 });
  const input = checkPublicForm(request, deletionRequestSchema, body);
  const { db, config, now } = getStudio();
  const result = requestDeletion({ db, dataKey: config.dataKey, input, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json({ request: result.request }, { status: 202 });
}
