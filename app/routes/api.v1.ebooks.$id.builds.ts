import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { notFound, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { toBuildDtos } from "~/modules/ebooks/build-dtos.server";
import { findBook } from "~/modules/ebooks/find-book.server";
import { getCurrentContentHash } from "~/modules/ebooks/get-current-content-hash.server";
import { listBuilds } from "~/modules/ebooks/list-builds.server";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";
import { requestBuild } from "~/modules/ebooks/request-build.server";
import { requestBuildSchema } from "~/modules/ebooks/schemas";
import { toJobDto } from "~/modules/jobs/queue.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "ebooks.read");
  const pieceId = parseId(params.id);
  const { db } = getStudio();
  if (!findBook({ db, pieceId })) throw notFound(request, "book");
  const hash = getCurrentContentHash({ db, pieceId });
  return json({ items: toBuildDtos({ db, builds: listBuilds({ db, pieceId }), currentHash: hash }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "GET POST");
  const actor = await requireActor(request, "ebooks.build");
  const pieceId = parseId(params.id);
  const { db, now } = getStudio();
  return writeJson(
    request,
    requestBuildSchema,
    ({ profile }) =>
      requestBuild({
        db,
        actor,
        pieceId,
        profile,
        publicBaseUrl: resolvePublicBase(request.url),
        now: now(),
      }),
    ({ job }) => toJobDto(job),
    { status: 202 },
  );
}
