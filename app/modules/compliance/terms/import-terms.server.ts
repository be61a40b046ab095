import { translator } from "~/i18n/i18n";
import { decodeCsvBytes, type DecodedCsv } from "~/lib/csv-bytes.server";
import type { Db } from "~/lib/db.server";
import { fail, type Failure, type Result } from "~/lib/result";
import type { Actor } from "../../auth/actor";
import { commitLibraryVersion } from "./library-version.server";
import { refuseUnlessTermManager } from "./term-access.server";
import { checkTermEntry, entryKey, problemDetail } from "./term-rules";
import { applyEntries, changedAnything, currentLibraryVersion, entryLabel } from "./term-rows.server";
import { csvToTermRows } from "./terms-csv";
import type { ImportMode, LibraryChangeCounts, TermEntry } from "./term-types";

export type ImportEncoding = Extract<DecodedCsv, { ok: true }>["encoding"];

export type ImportResult = Result<
  LibraryChangeCounts & { version: number; changed: boolean; rows: number; encoding: ImportEncoding }
>;

/** A row's problem: the spreadsheet row, the entry field and what is wrong (Chinese). */
interface RowProblem {
  row: number;
  field: string;
  detail: string;
}

function encodingProblem(reason: Extract<DecodedCsv, { ok: false }>["reason"]): Failure {
  switch (reason) {
    case "utf16":
      return fail(
        400,
        "csv_encoding",
        "文件是 UTF-16 编码（Excel 的“Unicode 文本”）：请另存为“CSV UTF-8”或“CSV（逗号分隔）”。",
        { field: "file", params: { context: "unicodeText" } },
      );
    case "binary":
      return fail(400, "csv_encoding", "这不是文本文件：请上传 CSV。", {
        field: "file",
        params: { context: "binary" },
      });
    case "undecodable":
      return fail(400, "csv_encoding", "无法识别文件编码：请保存为 UTF-8 或 GBK 编码的 CSV。", "file");
  }
}

/** All rows' problems as one refusal: the first row named, and how many more there are. */
function rowsRefusal(problems: RowProblem[]): Failure {
  const [first] = problems;
  const more = problems.length - 1;
  return more > 0
    ? fail(400, "term_import_row", `第 ${first.row} 行：${first.detail}（另有 ${more} 处问题）`, {
        field: first.field,
        params: { context: "more", row: first.row, detail: first.detail, more },
      })
    : fail(400, "term_import_row", `第 ${first.row} 行：${first.detail}`, {
        field: first.field,
        params: { row: first.row, detail: first.detail },
      });
}

/**
 * Imports a CSV file (UTF-8 with or without BOM, or GBK/GB18030) into the library, all or
 * nothing: every row is checked as a term first, and one bad row (or a term twice) imports
 * nothing and names the row. `merge` adds and updates terms by term or pattern and keeps the
 * rest; `replace` makes the library exactly the file. A file that changes nothing writes no
 * version.
 */
export function importTerms(options: {
  db: Db;
  actor: Actor;
  now: Date;
  bytes: Uint8Array;
  mode: ImportMode;
}): ImportResult {
  const { db, actor, now, mode } = options;
  const refused = refuseUnlessTermManager(actor);
  if (refused) return refused;
  if (options.bytes.length === 0) return fail(400, "csv_empty", "文件里没有词条。", "file");
  const decoded = decodeCsvBytes(options.bytes);
  if (!decoded.ok) return encodingProblem(decoded.reason);
  const table = csvToTermRows(decoded.text);
  if (!table.ok) return table;

  const problems: RowProblem[] = [];
  const entries: TermEntry[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, raw } of table.rows) {
    const checked = checkTermEntry(raw);
    if (!checked.ok) {
      problems.push({ row, field: checked.field, detail: problemDetail(checked) });
      continue;
    }
    const key = entryKey(checked.entry);
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      problems.push({
        row,
        field: checked.entry.term !== null ? "term" : "pattern",
        detail: `“${entryLabel(checked.entry)}”与第 ${earlier} 行重复`,
      });
      continue;
    }
    firstRowOf.set(key, row);
    entries.push(checked.entry);
  }
  if (problems.length) return rowsRefusal(problems);

  return db.transaction(
    (tx) => {
      const counts = applyEntries(tx, entries, { removeMissing: mode === "replace", now });
      const base = { ...counts, rows: entries.length, encoding: decoded.encoding };
      if (!changedAnything(counts))
        return { ok: true as const, ...base, version: currentLibraryVersion(tx), changed: false };
      const { version } = commitLibraryVersion(tx, {
        cause: "import",
        actor,
        now,
        note: translator("zh")(`terms.notes.import_${mode}`, { ...counts }),
        audit: {
          action: "terms.import",
          entity: "term_library",
          after: { mode, ...base },
        },
      });
      return { ok: true as const, ...base, version, changed: true };
    },
    { behavior: "immediate" },
  );
}
