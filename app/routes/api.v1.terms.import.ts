import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { postOnly, requireActor } from "~/lib/auth.server";
import { readCsvUpload } from "~/lib/csv-upload.server";
import { failureResponse, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { importTerms } from "~/modules/compliance/terms/import-terms.server";
import { importQuerySchema } from "~/modules/compliance/terms/term-schemas";
import { IMPORT_MAX_BYTES } from "~/modules/compliance/terms/term-types";

/**
 * POST a CSV file (at most 2 MB, UTF-8 or GBK) as the body (`Content-Type: text/csv`) or as the
 * `file` field of multipart/form-data; `?mode=merge` (default) or `?mode=replace`. All or
 * nothing: a bad row imports nothing and is named in the answer.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") throw postOnly(request);
  const actor = await requireActor(request, "terms.manage");
  const { mode } = parseQuery(request, importQuerySchema);
  const upload = await readCsvUpload(request, IMPORT_MAX_BYTES);
  if (!upload.ok) return failureResponse(request, upload);
  const { db, now } = getStudio();
  const result = importTerms({ db, actor, now: now(), bytes: upload.bytes, mode });
  if (!result.ok) return failureResponse(request, result);
  const { ok: _ok, ...answer } = result;
  return json({ mode, ...answer });
}
