import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { apiOperations } from "~/modules/api/operations";
import { buildOpenApiDocument } from "~/modules/api/openapi";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "dashboard.view");
  return json(buildOpenApiDocument(apiOperations));
}
