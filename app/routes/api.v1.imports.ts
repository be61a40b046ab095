import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requestLanguage } from "~/i18n/i18n";
import { apiError, requireActor } from "~/lib/auth.server";
import { readCsvUpload } from "~/lib/csv-upload.server";
import { failureResponse, fieldErrors, formDataToObject } from "~/lib/forms.server";
import { mediaType } from "~/lib/request-guard.server";
import { readSmallUpload } from "~/lib/small-upload.server";
import { getStudio } from "~/lib/studio.server";
import { importPlatformCsv } from "~/modules/metrics-import/import-platform-csv.server";
import { analysisDto } from "~/modules/metrics-import/import-dto";
import { importQuerySchema, manualChoices } from "~/modules/metrics-import/import-schemas";
import { getImportSummary, listImports } from "~/modules/metrics-import/list-imports.server";
import { IMPORT_MAX_BYTES } from "~/modules/metrics-import/read-import-file.server";

/** GET: the history of imports, newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "metrics.import");
  return json({ items: listImports({ db: getStudio().db }) });
}

/** The file and its name: a multipart `file` field (its own name) or the body (`?fileName=`). */
async function readUpload(request: Request) {
  if (mediaType(request) === "multipart/form-data") {
    const upload = await readSmallUpload(request, { maxBytes: IMPORT_MAX_BYTES });
    if (!upload.ok)
      return upload.reason === "too_large"
        ? apiError(request, 413, "too_large", "CSV 文件不能超过 5 MB。", {
            field: "file",
            params: { context: "csv", mb: 5 },
          })
        : apiError(request, 400, "no_file", "请选择要导入的 CSV 文件。", {
            field: "file",
            params: { context: "csv" },
          });
    return {
      bytes: new Uint8Array(await upload.file.arrayBuffer()),
      fileName: upload.file.name,
      fields: formDataToObject(upload.form),
    };
  }
  const upload = await readCsvUpload(request, IMPORT_MAX_BYTES);
  if (!upload.ok) return failureResponse(request, upload);
  return { bytes: upload.bytes, fileName: null, fields: {} as Record<string, unknown> };
}

/**
 * POST a platform export (at most 5 MB, UTF-8 or GBK) as the body (`Content-Type: text/csv`) or
 * the `file` field of multipart/form-data, with `platform` (a channel key) and `asOf`
 * (YYYY-MM-DD) in the query or the form; `match=5:123` / `match=7:skip` decide rows by hand.
 * `dryRun=1` answers the preview and stores nothing; otherwise all or nothing: 201 with the
 * import and its counts, or 400 naming the bad row.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST")
    throw apiError(request, 405, "method_not_allowed", "只支持 GET 和 POST。", {
      params: { context: "getPost" },
    });
  const actor = await requireActor(request, "metrics.import");
  const upload = await readUpload(request);
  if (upload instanceof Response) return upload;
  const query = Object.fromEntries(new URL(request.url).searchParams.entries());
  const matches = new URL(request.url).searchParams.getAll("match");
  const formMatches = upload.fields.match;
  const parsed = importQuerySchema.safeParse({
    ...query,
    ...upload.fields,
    match: [...matches, ...[formMatches ?? []].flat()].map(String),
  });
  if (!parsed.success) {
    const [field, detail] = Object.entries(fieldErrors(parsed.error))[0];
    return apiError(request, 400, "invalid_query", `${field}: ${detail}`, {
      field,
      params: { field, detail },
    });
  }
  const input = parsed.data;
  const { db, now, config } = getStudio();
  const result = importPlatformCsv({
    db,
    actor,
    now: now(),
    timeZone: config.timeZone,
    bytes: upload.bytes,
    fileName: upload.fileName ?? input.fileName ?? "upload.csv",
    platform: input.platform,
    asOfDay: input.asOf,
    manual: manualChoices(input.match),
    dryRun: input.dryRun,
  });
  if (!result.ok) return failureResponse(request, result);
  const lang = requestLanguage(request, { acceptLanguage: true });
  if (result.dryRun) return json({ dryRun: true, preview: analysisDto(result.analysis, lang) });
  return json(
    { import: getImportSummary({ db, importId: result.importId }), counts: result.counts },
    { status: 201 },
  );
}
