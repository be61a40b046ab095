import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { exportTerms } from "~/modules/compliance/terms/export-terms.server";
import { exportQuerySchema } from "~/modules/compliance/terms/term-schemas";

/** GET: the whole library as a CSV file, UTF-8 with a BOM or (`?encoding=gbk`) GBK. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "terms.read");
  const { encoding } = parseQuery(request, exportQuerySchema);
  const file = exportTerms({ db: getStudio().db, encoding });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
      "X-Library-Version": String(file.version),
    },
  });
}
