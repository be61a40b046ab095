import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { cancelJob, getJob, toJobDto } from "~/modules/jobs/queue.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "jobs.cancel");
  const jobId = parseId(params.id);
  const { db, now } = getStudio();
  const result = cancelJob({ db, actor, jobId, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json(toJobDto(getJob({ db, jobId })!));
}
