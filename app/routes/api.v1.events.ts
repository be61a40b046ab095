import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { postOnly } from "~/lib/auth.server";
import { answerEventBeacon } from "~/lib/event-beacon.server";
import { clientAddress } from "~/lib/request-guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  throw postOnly(request);
}

/** The landing pages' beacons; the server answers most of them before Remix (same function). */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") throw postOnly(request);
  return answerEventBeacon(request, clientAddress(request, context as { clientIp?: string }));
}
