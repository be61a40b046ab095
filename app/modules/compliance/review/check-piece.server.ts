import type { DbOrTx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { evaluatePiece, storeEvaluation, type StoredCheck } from "./evaluate-piece.server";
import type { StoredFinding } from "./review-types";

/**
 * Checks a piece's current text (its copy, and the captions of slots that can still go out)
 * against the term library and for originality, stores the result as the piece's check and
 * re-indexes its copy for later originality checks. Runs inside the caller's transaction when
 * given one (submitting for review does), else in its own.
 *
 * `flagNew` (the library-change rescan) sets `flaggedAt` when the check finds findings the stored
 * one did not have; an earlier flag stays until a reviewer resolves it (a new approval or a
 * justification), and goes when nothing is left to resolve.
 */
export function checkPiece(options: {
  db: DbOrTx;
  pieceId: number;
  now: Date;
  flagNew?: boolean;
}): Result<{ check: StoredCheck; added: StoredFinding[] }> {
  const { db, pieceId, now } = options;
  return db.transaction((tx) => {
    const evaluation = evaluatePiece(tx, pieceId, { originality: true });
    if (!evaluation) return fail(404, "not_found", "内容不存在。", { params: { context: "piece" } });
    const flagged = options.flagNew && evaluation.added.length > 0;
    const check = storeEvaluation(tx, evaluation, {
      now,
      pieceId,
      flaggedAt: flagged ? (evaluation.stored?.flaggedAt ?? now) : undefined,
    });
    return { ok: true as const, check, added: evaluation.added };
  });
}
