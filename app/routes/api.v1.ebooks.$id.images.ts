import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { foundJson } from "~/lib/api-answer.server";
import { apiError, requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, notFound, parseId } from "~/lib/forms.server";
import { readSmallUpload } from "~/lib/small-upload.server";
import { getStudio } from "~/lib/studio.server";
import { findBook } from "~/modules/ebooks/find-book.server";
import { getBookPage } from "~/modules/ebooks/get-book-page.server";
import { IMAGE_MAX_BYTES } from "~/modules/ebooks/schemas";
import { uploadBookImage } from "~/modules/ebooks/upload-book-image.server";

const MB = IMAGE_MAX_BYTES / 1024 / 1024;
const TOO_LARGE = `图片不能超过 ${MB} MB。`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "ebooks.read");
  const page = getBookPage({ db: getStudio().db, pieceId: parseId(params.id), actor });
  return foundJson(request, page, "book", ({ images }) => ({ items: images }));
}

/** POST multipart/form-data with one `file` field (PNG or JPEG, at most 5 MB). */
export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "GET POST");
  const actor = await requireActor(request, "ebooks.edit");
  const pieceId = parseId(params.id);
  const { db, config, now } = getStudio();
  if (!findBook({ db, pieceId })) throw notFound(request, "book");
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    throw apiError(request, 415, "unsupported_media_type", "请用 multipart/form-data 上传，字段名 file。", {
      field: "file",
      params: { context: "upload" },
    });
  const upload = await readSmallUpload(request, { maxBytes: IMAGE_MAX_BYTES });
  if (!upload.ok)
    throw upload.reason === "too_large"
      ? apiError(request, 413, "too_large", TOO_LARGE, {
          field: "file",
          params: { context: "image", mb: MB },
        })
      : apiError(request, 400, "no_file", "请在 file 字段上传图片。", {
          field: "file",
          params: { context: "api" },
        });
  const { file } = upload;
  const result = await uploadBookImage({
    db,
    dataDir: config.dataDir,
    actor,
    pieceId,
    fileName: file.name,
    bytes: Buffer.from(await file.arrayBuffer()),
    now: now(),
  });
  if (!result.ok) return failureResponse(request, result);
  return json(
    {
      id: result.imageId,
      name: result.name,
      replaced: result.replaced,
      url: `/api/v1/ebooks/${pieceId}/images/${result.imageId}`,
    },
    { status: 201 },
  );
}
