import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, requireActor } from "~/lib/auth.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { findRenderFile } from "~/modules/media/find-render-file.server";
import { openFileBody } from "~/modules/media/media-store.server";

/** Rendered video, cover or thumbnail of one version; `?download=1` saves it under the episode's title. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "columns.read");
  const { db, config } = getStudio();
  const found = findRenderFile({
    db,
    dataDir: config.dataDir,
    renderId: parseId(params.id),
    file: params.file ?? "",
  });
  if (!found.ok) throw failureResponse(request, found);
  const download = new URL(request.url).searchParams.get("download") === "1";
  const body = await openFileBody({
    fullPath: found.fullPath,
    range: request.headers.get("range"),
    downloadName: download ? found.downloadName : undefined,
  });
  if (!body.ok)
    throw apiError(
      request,
      body.status,
      body.status === 416 ? "bad_range" : "not_found",
      body.status === 416 ? "请求的范围无效。" : "文件不存在。",
      { params: body.status === 416 ? undefined : { context: "file" } },
    );
  return new Response(body.body, { status: body.status, headers: body.headers });
}
