import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getJob, toJobDto } from "~/modules/jobs/queue.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "jobs.read");
  const job = getJob({ db: getStudio().db, jobId: parseId(params.id) });
  if (!job) throw apiError(request, 404, "not_found", "任务不存在。", { params: { context: "job" } });
  return json(toJobDto(job));
}
