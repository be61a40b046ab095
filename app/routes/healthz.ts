import { json } from "@remix-run/node";
import { getWorkers } from "~/lib/boot.server";
import { getStudio } from "~/lib/studio.server";
import { checkHealth } from "~/modules/operations/check-health.server";

// Public by design (load balancers and monitors call it); it reveals no content.
export async function loader() {
  const report = checkHealth({ studio: getStudio(), workers: getWorkers() });
  return json(report, { status: report.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
