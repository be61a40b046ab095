import type { Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { analyseImport, type ImportAnalysis } from "./analyse-import.server";
import type { ManualChoice } from "./match-rows.server";
import type { ImportEncoding } from "./read-import-file.server";
import { findImport } from "./open-import.server";

/**
 * A stored preview analysed now (with the alias table and the slots as they are now), with the
 * person's choices so far; what the preview page shows and the apply will write.
 */
export function previewImport(options: {
  db: Db;
  now: Date;
  timeZone: string;
  importId: number;
  manual?: ReadonlyMap<number, ManualChoice>;
}): Result<{ analysis: ImportAnalysis }> {
  const { db } = options;
  const found = findImport(db, options.importId);
  if (!found.ok) return found;
  const { row } = found;
  if (row.status !== "preview" || row.payload === null)
    return fail(409, "import_not_preview", "这次导入已经应用或撤销。", { params: { status: row.status } });
  return analyseImport({
    tx: db,
    text: row.payload,
    encoding: row.encoding as ImportEncoding,
    fileName: row.fileName,
    platform: row.platform,
    asOfDay: row.asOfDay,
    manual: options.manual ?? new Map(),
    now: options.now,
    timeZone: options.timeZone,
  });
}
