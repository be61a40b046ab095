import { createReadStream, existsSync } from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable, json } from "@remix-run/node";
import { getStudio } from "~/lib/studio.server";
import { buildFilePath } from "~/modules/ebooks/book-files.server";
import { getBuild } from "~/modules/ebooks/get-build.server";
import { getPublicBook, PUBLIC_NOT_FOUND } from "~/modules/ebooks/get-public-book.server";
import { verifyDownloadToken } from "~/modules/leads/download-token.server";

/**
 * Public download of a published book's latest screen build, behind the lead form: the link
 * carries a signed token (`?t=`) that POST /api/v1/leads hands out, valid 24 hours. The build is
 * looked up from the slug and its file path comes from the build row, never from the URL. Every
 * miss (no or expired token, unknown slug, unpublished book, no build yet, file gone) is the same
 * 404, so the answer says nothing about books that are not public.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, config, now } = getStudio();
  const notFound = () => json(PUBLIC_NOT_FOUND, { status: 404 });
  const slug = params.slug ?? "";
  const token = new URL(request.url).searchParams.get("t");
  if (!verifyDownloadToken({ secret: config.sessionSecret, slug, token, now: now() })) throw notFound();
  const book = getPublicBook({ db, slug });
  if (!book?.latest) throw notFound();
  const build = getBuild({ db, buildId: book.latest.id });
  if (!build) throw notFound();
  const file = buildFilePath(config.dataDir, build);
  if (!existsSync(file)) throw notFound();
  const name = encodeURIComponent(`${book.title}.pdf`);
  return new Response(createReadableStreamFromReadable(createReadStream(file)), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(build.bytes),
      "Content-Disposition": `attachment; filename="${book.slug}.pdf"; filename*=UTF-8''${name}`,
      ETag: `"${build.sha256}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
