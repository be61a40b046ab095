import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, requireActor } from "~/lib/auth.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { findAssetFile } from "~/modules/media/find-asset-file.server";
import { openFileBody } from "~/modules/media/media-store.server";

/** An uploaded clip or brand asset, by id (previews and the column logo). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "columns.read");
  const { db, config } = getStudio();
  const found = findAssetFile({ db, dataDir: config.dataDir, assetId: parseId(params.id) });
  if (!found.ok) throw failureResponse(request, found);
  const body = await openFileBody({ fullPath: found.fullPath, range: request.headers.get("range") });
  if (!body.ok)
    throw apiError(request, body.status, "not_found", "文件不存在。", { params: { context: "file" } });
  return new Response(body.body, { status: body.status, headers: body.headers });
}
