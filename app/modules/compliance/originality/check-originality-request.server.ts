import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { PIECE_KINDS } from "../../pieces/status-machine";
import { SCAN_TEXT_MAX, type OriginalityResult } from "../compliance-types";
import { checkOriginality } from "./check-originality.server";
import { refuseUnknownColumn } from "./originality-settings.server";
import type { OriginalityRequest } from "./schemas";

/**
 * A check asked for over the API or a page: refuses a text over SCAN_TEXT_MAX characters (413),
 * an unknown kind (400), an unknown column (400) or piece (404), then checks.
 */
export function checkOriginalityRequest(options: {
  db: DbOrTx;
  input: OriginalityRequest;
}): Result<{ result: OriginalityResult }> {
  const { db, input } = options;
  if (input.text.length > SCAN_TEXT_MAX)
    return fail(413, "text_too_long", `文本有 ${input.text.length} 个字符，最多 ${SCAN_TEXT_MAX} 个。`, {
      field: "text",
      params: { length: input.text.length, max: SCAN_TEXT_MAX },
    });
  if (!(PIECE_KINDS as readonly string[]).includes(input.kind))
    return fail(400, "unknown_kind", "未知的内容类型。", "kind");
  const columnId = input.columnId ?? null;
  const badColumn = refuseUnknownColumn(db, columnId);
  if (badColumn) return badColumn;
  const pieceId = input.pieceId ?? null;
  if (
    pieceId !== null &&
    !db.select({ id: schema.pieces.id }).from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get()
  )
    return fail(404, "not_found", "内容不存在。", { field: "pieceId", params: { context: "piece" } });
  return {
    ok: true,
    result: checkOriginality({ db, text: input.text, kind: input.kind, columnId, pieceId }),
  };
}
