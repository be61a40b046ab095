import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor, requireMethod } from "~/lib/auth.server";
import { failureResponse, parseId, parseJsonBody } from "~/lib/forms.server";
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
  if (!findBook({ db, pieceId }))
    throw apiError(request, 404, "not_found", "这本书不存在。", { params: { context: "book" } });
  const hash = getCurrentContentHash({ db, pieceId });
  return json({ items: toBuildDtos({ db, builds: listBuilds({ db, pieceId }), currentHash: hash }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireMethod(request, "GET POST");
  const actor = await requireActor(request, "ebooks.build");
  const pieceId = parseId(params.id);
  const input = await parseJsonBody(request, requestBuildSchema);
  const { db, now } = getStudio();
  const result = requestBuild({
    db,
    actor,
    pieceId,
    profile: input.profile,
    publicBaseUrl: resolvePublicBase(request.url),
    now: now(),
  });
  if (!result.ok) return failureResponse(request, result);
  return json(toJobDto(result.job), { status: 202 });
}
