import type { ActionFunctionArgs } from "@remix-run/node";
import { postOnly, requireActor } from "~/lib/auth.server";
import { csvContentType, encodeCsvText } from "~/lib/csv-bytes.server";
import { failureResponse } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { exportLeads } from "~/modules/leads/export-leads.server";

/**
 * The leads as a CSV file, for leads.export. A POST (the button on /leads), not a link: every
 * export is audited, and a GET could be fetched by a prefetch or a crawler of the address.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") throw postOnly(request);
  const actor = await requireActor(request, "leads.export");
  const { db, config, now } = getStudio();
  const result = exportLeads({ db, dataKey: config.dataKey, actor, now: now(), timeZone: config.timeZone });
  if (!result.ok) return failureResponse(request, result);
  return new Response(encodeCsvText(result.csv, "utf-8"), {
    headers: {
      "Content-Type": csvContentType("utf-8"),
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
