import { createReadStream, existsSync } from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { apiError, requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { imageFilePath } from "~/modules/ebooks/book-files.server";
import { getBookImage } from "~/modules/ebooks/get-book-image.server";

// The file is found from the image row (book id + content hash), never from the URL.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "ebooks.read");
  const { db, config } = getStudio();
  const image = getBookImage({ db, pieceId: parseId(params.id), imageId: parseId(params.imageId) });
  if (!image) throw apiError(request, 404, "not_found", "图片不存在。", { params: { context: "image" } });
  const file = imageFilePath(config.dataDir, image);
  if (!existsSync(file))
    throw apiError(request, 404, "not_found", "图片文件不存在。", { params: { context: "imageFile" } });
  return new Response(createReadableStreamFromReadable(createReadStream(file)), {
    headers: {
      "Content-Type": image.format === "jpeg" ? "image/jpeg" : "image/png",
      "Content-Length": String(image.bytes),
      "Cache-Control": "private, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
