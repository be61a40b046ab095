import type { ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { reply } from "~/lib/reply.server";
import { fail } from "~/lib/result";
import { readSmallUpload } from "~/lib/small-upload.server";
import { getStudio } from "~/lib/studio.server";
import { IMAGE_MAX_BYTES } from "~/modules/ebooks/schemas";
import { uploadBookImage } from "~/modules/ebooks/upload-book-image.server";

const MB = IMAGE_MAX_BYTES / 1024 / 1024;
const REFUSALS = {
  too_large: fail(413, "too_large", `图片不能超过 ${MB} MB。`, {
    field: "file",
    params: { context: "image", mb: MB },
  }),
  no_file: fail(400, "no_file", "请选择要上传的图片。", "file"),
};

/** The book page's image upload (its fetcher posts here): one PNG or JPEG, at most 5 MB. */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "ebooks.edit");
  const pieceId = parseId(params.id);
  const upload = await readSmallUpload(request, { maxBytes: IMAGE_MAX_BYTES });
  if (!upload.ok) return reply(request, REFUSALS[upload.reason], { intent: "upload-image" });
  const { db, config, now } = getStudio();
  const result = await uploadBookImage({
    db,
    dataDir: config.dataDir,
    actor,
    pieceId,
    fileName: upload.file.name,
    bytes: Buffer.from(await upload.file.arrayBuffer()),
    now: now(),
  });
  return reply(request, result, { intent: "upload-image" });
}
