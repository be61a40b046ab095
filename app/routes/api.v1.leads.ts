import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { postOnly, requireActor } from "~/lib/auth.server";
import { failureResponse, parseQuery } from "~/lib/forms.server";
import { leadLimiter as limiter } from "~/lib/public-limits.server";
import { checkPublicForm, readPublicForm } from "~/lib/public-form.server";
import { clientAddress } from "~/lib/request-guard.server";
import { getStudio } from "~/lib/studio.server";
import { captureLead } from "~/modules/leads/capture-lead.server";
import { leadInputSchema } from "~/modules/leads/lead-schemas";
import { listLeads } from "~/modules/leads/list-leads.server";

const MAX_LEAD_BODY_BYTES = 16 * 1024;

const listQuery = z.object({
  reveal: z.enum(["0", "1"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Staff: the newest leads, masked; `?reveal=1` shows full numbers to roles allowed (audited). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "leads.read");
  const query = parseQuery(request, listQuery);
  const { db, config, now } = getStudio();
  const leads = listLeads({
    db,
    dataKey: config.dataKey,
    actor,
    reveal: query.reveal === "1",
    limit: query.limit,
    now: now(),
  });
  return json({ leads });
}

/** Public: the landing pages' lead form (JSON from the page's script, or a plain form post). */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") throw postOnly(request);
  const ip = clientAddress(request, context as { clientIp?: string });
  const body = await readPublicForm(request, { ip, limiter, maxBytes: MAX_LEAD_BODY_BYTES });
  const input = checkPublicForm(request, leadInputSchema, body);
  const { db, config, now } = getStudio();
  const result = captureLead({
    db,
    dataKey: config.dataKey,
    downloadSecret: config.sessionSecret,
    input,
    now: now(),
  });
  if (!result.ok) return failureResponse(request, result);
  return json(
    {
      lead: { id: result.leadId, phoneMasked: result.phoneMasked },
      duplicate: result.duplicate,
      downloadUrl: result.downloadUrl,
    },
    { status: result.duplicate ? 200 : 201 },
  );
}
