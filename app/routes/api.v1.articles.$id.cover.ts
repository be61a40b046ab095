import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { readSmallUpload } from "~/lib/small-upload.server";
import { getStudio } from "~/lib/studio.server";
import { coverUploadRefusal, isMultipart } from "~/modules/articles/cover-upload";
import { getArticle } from "~/modules/articles/get-article.server";
import { getArticleCover } from "~/modules/articles/get-article-cover.server";
import { COVER_MAX_BYTES } from "~/modules/articles/schemas";
import { uploadArticleCover } from "~/modules/articles/upload-article-cover.server";

// The file is found from the article's row (piece id + content hash), never from the URL.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  const { db, config } = getStudio();
  const cover = await getArticleCover({ db, dataDir: config.dataDir, pieceId: parseId(params.id) });
  if (!cover) throw apiError(request, 404, "not_found", "图片不存在。", { params: { context: "image" } });
  const headers = new Headers({ "Content-Type": cover.contentType, "X-Content-Type-Options": "nosniff" });
  headers.set("Content-Length", String(cover.bytes.length));
  // The page asks with the content hash in the query (?v=), so a new cover is a new address.
  headers.set("Cache-Control", "private, max-age=31536000, immutable");
  return new Response(new Uint8Array(cover.bytes), { headers });
}

/** POST multipart/form-data with one `file` field: a PNG or JPEG of at most 5 MB and 25 MP. */
export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "GET POST");
  const actor = await requireActor(request, "pieces.edit");
  const pieceId = parseId(params.id);
  const { db, config, now } = getStudio();
  if (!isMultipart(request)) return failureResponse(request, coverUploadRefusal("not_multipart"));
  const upload = await readSmallUpload(request, { maxBytes: COVER_MAX_BYTES });
  if (!upload.ok) return failureResponse(request, coverUploadRefusal(upload.reason));
  const bytes = Buffer.from(await upload.file.arrayBuffer());
  const result = await uploadArticleCover({ db, dataDir: config.dataDir, actor, pieceId, bytes, now: now() });
  if (!result.ok) return failureResponse(request, result);
  return json(getArticle({ db, pieceId }), { status: 201 });
}
