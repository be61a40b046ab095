import type { Result } from "~/lib/result";
import { fail } from "~/lib/result";
import type { DbOrTx } from "~/lib/db.server";
import { SCAN_TEXT_MAX, type Finding } from "./compliance-types";
import { currentCompiledLibrary } from "./library-cache.server";
import { scanCompiled } from "./scanner/scan";

/**
 * Checks a text against the current term library: every finding with offsets into the text, and
 * the library version it was checked against. Reads only; a text over SCAN_TEXT_MAX is refused
 * with 413 before the library is read.
 */
export function scanText({
  db,
  text,
}: {
  db: DbOrTx;
  text: string;
}): Result<{ findings: Finding[]; termsVersion: number }> {
  if (text.length > SCAN_TEXT_MAX) {
    return fail(413, "text_too_long", `文本有 ${text.length} 个字符，最多 ${SCAN_TEXT_MAX} 个。`, {
      field: "text",
      params: { length: text.length, max: SCAN_TEXT_MAX },
    });
  }
  const { lib, version } = currentCompiledLibrary(db);
  return { ok: true, findings: scanCompiled(lib, text), termsVersion: version };
}
