import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { apiError, requireActor } from "~/lib/auth.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getImportSummary, importFigures } from "~/modules/metrics-import/list-imports.server";
import { undoImport } from "~/modules/metrics-import/undo-import.server";

/** GET: one import and the figures it wrote. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "metrics.import");
  const importId = parseId(params.id);
  const { db } = getStudio();
  const summary = getImportSummary({ db, importId });
  if (!summary)
    throw apiError(request, 404, "not_found", "未找到这次导入。", { params: { context: "import" } });
  return json({ import: summary, rows: importFigures({ db, importId }) });
}

/** DELETE: undo an applied import (its figures stop counting; the record stays in the history). */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "DELETE")
    throw apiError(request, 405, "method_not_allowed", "请使用 GET / DELETE。", {
      params: { method: "GET / DELETE" },
    });
  const actor = await requireActor(request, "metrics.import");
  const importId = parseId(params.id);
  const { db, now } = getStudio();
  const result = undoImport({ db, actor, now: now(), importId });
  if (!result.ok) return failureResponse(request, result);
  return json({ import: getImportSummary({ db, importId }) });
}
