import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { getShowHub } from "~/modules/livestream/show-hub-instance.server";

/** `{ serverNow }` for the screens' round-trip clock probes. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "livestream.read");
  return getShowHub().createTimeResponse();
}
