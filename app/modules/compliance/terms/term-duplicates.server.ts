import type { DbOrTx } from "~/lib/db.server";
import { fail, type Failure } from "~/lib/result";
import { entryKey } from "./term-rules";
import { loadTermRows } from "./term-rows.server";
import type { TermEntry } from "./term-types";

/**
 * Refuses an entry the library already has under another id: the same pattern, or a term that
 * reads the same once normalised as the scanner matches (`最 好` is `最好`).
 */
export function refuseDuplicate(tx: DbOrTx, entry: TermEntry, exceptId?: number): Failure | null {
  const key = entryKey(entry);
  const other = loadTermRows(tx).find((row) => row.id !== exceptId && entryKey(row) === key);
  if (!other) return null;
  return entry.term !== null
    ? fail(409, "term_exists", `词条“${other.term}”已在词库中。`, {
        field: "term",
        params: { term: other.term ?? "" },
      })
    : fail(409, "term_exists", `正则“${other.pattern}”已在词库中。`, {
        field: "pattern",
        params: { context: "pattern", term: other.pattern ?? "" },
      });
}
