import type { DbOrTx } from "~/lib/db.server";
import { loadTermRow, toTermDto } from "./term-rows.server";
import type { TermDto } from "./term-types";

export function getTerm(options: { db: DbOrTx; termId: number }): TermDto | null {
  const row = loadTermRow(options.db, options.termId);
  return row ? toTermDto(row) : null;
}
