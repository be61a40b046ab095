import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, requireActor } from "~/lib/auth.server";

// Unknown API paths answer JSON, not the HTML 404 page (after the same authentication).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "dashboard.view");
  throw apiError(request, 404, "not_found", "没有这个 API。", { params: { context: "api" } });
}
export const action = loader;
