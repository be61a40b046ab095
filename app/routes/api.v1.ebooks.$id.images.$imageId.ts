import type { LoaderFunctionArgs } from "@remix-run/node";
import { streamFile } from "~/lib/api-answer.server";
import { requireActor } from "~/lib/auth.server";
import { notFound, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { imageFilePath } from "~/modules/ebooks/book-files.server";
import { getBookImage } from "~/modules/ebooks/get-book-image.server";

// The file is found from the image row (book id + content hash), never from the URL.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "ebooks.read");
  const { db, config } = getStudio();
  const image = getBookImage({ db, pieceId: parseId(params.id), imageId: parseId(params.imageId) });
  if (!image) throw notFound(request, "image");
  return streamFile(request, imageFilePath(config.dataDir, image), "imageFile", {
    "Content-Type": image.format === "jpeg" ? "image/jpeg" : "image/png",
    "Content-Length": String(image.bytes),
    "Cache-Control": "private, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
  });
}
