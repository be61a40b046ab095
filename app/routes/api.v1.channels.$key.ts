import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseJsonBody } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getChannel } from "~/modules/calendar/get-channel.server";
import { updateChannelSchema } from "~/modules/calendar/schemas";
import { updateChannel } from "~/modules/calendar/update-channel.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "calendar.read");
  const { db, config } = getStudio();
  const channel = getChannel({ db, dataKey: config.dataKey, key: params.key ?? "" });
  if (!channel) throw apiError(request, 404, "not_found", "渠道不存在。", { params: { context: "channel" } });
  return json(channel);
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "PUT");
  const actor = await requireActor(request, "channels.manage");
  const { db, now, config } = getStudio();
  const input = await parseJsonBody(request, updateChannelSchema);
  const result = updateChannel({
    db,
    dataKey: config.dataKey,
    actor,
    now: now(),
    key: params.key ?? "",
    input,
  });
  if (!result.ok) return failureResponse(request, result);
  // The signing secret is answered once, when it is made; afterwards only its hint.
  return json(
    result.webhookSecret ? { ...result.channel, webhookSecret: result.webhookSecret } : result.channel,
  );
}
