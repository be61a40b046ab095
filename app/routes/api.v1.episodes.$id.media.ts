import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { acceptEpisodeUpload } from "~/modules/media/accept-episode-upload.server";
import { checkEpisodeUpload } from "~/modules/media/check-episode-upload.server";
import { getEpisode } from "~/modules/media/get-episode.server";
import { byteLimitParams } from "~/modules/media/media-messages";
import { maxUploadBytes } from "~/modules/media/media-store.server";
import { receiveMultipartUpload } from "~/modules/media/receive-multipart-upload.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "columns.read");
  const found = getEpisode({ db: getStudio().db, pieceId: parseId(params.id), actor });
  if (!found.ok) throw failureResponse(request, found);
  return json({ items: found.clips });
}

/** Multipart upload (field `file`), streamed to disk; 413 too large, 415 wrong type, 422 corrupt. */
export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "GET POST");
  const actor = await requireActor(request, "media.upload");
  const pieceId = parseId(params.id);
  const { db, config, now } = getStudio();
  const allowed = checkEpisodeUpload({ db, actor, pieceId });
  if (!allowed.ok) throw failureResponse(request, allowed);
  const maxBytes = maxUploadBytes();
  // A declared length far over the limit is refused before a single byte is written.
  if (Number(request.headers.get("content-length")) > maxBytes + 1024 * 1024)
    throw apiError(
      request,
      413,
      "too_large",
      `文件太大，单个素材不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB。`,
      { field: "file", params: byteLimitParams(maxBytes) },
    );
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
    throw apiError(
      request,
      415,
      "not_multipart",
      "请用 multipart/form-data 上传，文件字段名为 file。",
      "file",
    );
  // A malformed body (400) leaves nothing behind; any file name a browser sends is read as it is.
  const received = await receiveMultipartUpload(request, {
    dataDir: config.dataDir,
    relDir: allowed.relDir,
    maxBytes,
  });
  const result = await acceptEpisodeUpload({
    db,
    dataDir: config.dataDir,
    actor,
    pieceId,
    saved: received.saved,
    originalName: received.originalName,
    maxBytes,
    now: now(),
  });
  if (!result.ok) throw failureResponse(request, result);
  return json({ asset: result.asset, job: result.job }, { status: 201 });
}
