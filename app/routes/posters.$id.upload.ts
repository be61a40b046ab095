import type { ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { reply } from "~/lib/reply.server";
import { readSmallUpload } from "~/lib/small-upload.server";
import { getStudio } from "~/lib/studio.server";
import { POSTER_IMAGE_LIMITS } from "~/modules/posters/schemas";
import { uploadPosterImage } from "~/modules/posters/upload-poster-image.server";
import { uploadPosterPhoto } from "~/modules/posters/upload-poster-photo.server";
import { uploadRefusal } from "~/modules/posters/upload-refusal";

/**
 * The poster page's uploads (its fetchers post here): `?kind=photo` sets the model photo,
 * `?kind=finished` adds a designer's finished image as a new version.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "media.upload");
  const kind = new URL(request.url).searchParams.get("kind") === "finished" ? "finished" : "photo";
  const intent = `upload-${kind}`;
  const limit = POSTER_IMAGE_LIMITS[kind].maxBytes;
  const upload = await readSmallUpload(request, { maxBytes: limit });
  if (!upload.ok) return reply(request, uploadRefusal(upload.reason, limit), { intent });
  const { db, config, now } = getStudio();
  const options = {
    db,
    dataDir: config.dataDir,
    actor,
    pieceId: parseId(params.id),
    bytes: Buffer.from(await upload.file.arrayBuffer()),
    now: now(),
  };
  const result = kind === "photo" ? await uploadPosterPhoto(options) : await uploadPosterImage(options);
  return reply(request, result, { intent, notice: "posterPages.uploaded" });
}
