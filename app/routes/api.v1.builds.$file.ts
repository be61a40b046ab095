import { createReadStream, existsSync } from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { apiError, requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { buildFilePath } from "~/modules/ebooks/book-files.server";
import { getBuild } from "~/modules/ebooks/get-build.server";

/** GET /api/v1/builds/{id}.pdf: the build is looked up by id; the file path comes from its row. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "ebooks.read");
  const match = /^(\d+)\.pdf$/.exec(params.file ?? "");
  if (!match) throw apiError(request, 404, "not_found", "没有这个版本。", { params: { context: "build" } });
  const { db, config } = getStudio();
  const build = getBuild({ db, buildId: parseId(match[1]) });
  if (!build) throw apiError(request, 404, "not_found", "没有这个版本。", { params: { context: "build" } });
  const file = buildFilePath(config.dataDir, build);
  if (!existsSync(file))
    throw apiError(request, 404, "not_found", "版本文件不存在。", { params: { context: "buildFile" } });
  return new Response(createReadableStreamFromReadable(createReadStream(file)), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(build.bytes),
      "Content-Disposition": `attachment; filename="build-${build.id}-${build.profile}.pdf"`,
      ETag: `"${build.sha256}"`,
      "Cache-Control": "private, max-age=31536000, immutable",
    },
  });
}
