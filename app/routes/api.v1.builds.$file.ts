import type { LoaderFunctionArgs } from "@remix-run/node";
import { streamFile } from "~/lib/api-answer.server";
import { requireActor } from "~/lib/auth.server";
import { notFound, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { buildFilePath } from "~/modules/ebooks/book-files.server";
import { getBuild } from "~/modules/ebooks/get-build.server";

/** GET /api/v1/builds/{id}.pdf: the build is looked up by id; the file path comes from its row. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "ebooks.read");
  const match = /^(\d+)\.pdf$/.exec(params.file ?? "");
  if (!match) throw notFound(request, "build");
  const { db, config } = getStudio();
  const build = getBuild({ db, buildId: parseId(match[1]) });
  if (!build) throw notFound(request, "build");
  return streamFile(request, buildFilePath(config.dataDir, build), "buildFile", {
    "Content-Type": "application/pdf",
    "Content-Length": String(build.bytes),
    "Content-Disposition": `attachment; filename="build-${build.id}-${build.profile}.pdf"`,
    ETag: `"${build.sha256}"`,
    "Cache-Control": "private, max-age=31536000, immutable",
  });
}
