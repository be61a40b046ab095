import type { LoaderFunctionArgs } from "@remix-run/node";
import { download } from "~/lib/api-answer.server";
import { requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { posterVariantsZip } from "~/modules/posters/poster-downloads.server";

/** Every variant of a version in one ZIP. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  const { db, config } = getStudio();
  const result = await posterVariantsZip({
    db,
    dataDir: config.dataDir,
    pieceId: parseId(params.id),
    renderId: parseId(params.renderId),
  });
  return download(request, result, "application/zip", ({ zip }) => zip);
}
