import type { DbOrTx } from "~/lib/db.server";
import type { OriginalityResult } from "../compliance-types";
import { pieceCopy } from "../piece-copy.server";
import { findIndexedPieces } from "./originality-index.server";
import { checkProbes, prepareCheckedText, scoreOriginality, type CandidateCopy } from "./originality-score";
import { boilerplateFor, thresholdFor } from "./originality-settings.server";

/** Earlier pieces whose copy is read and compared exactly, those sharing most index keys first. */
export const MAX_CANDIDATES = 20;

/**
 * The originality of `text` (a piece's copy, or a text being written) against the copy of earlier
 * pieces in the index. "Earlier" is every indexed piece created before `pieceId` (a smaller id), or
 * every indexed piece when there is none: a later piece can never lower an older one's score. The
 * column's outro line and the declared boilerplate (global and the column's) are left out; the
 * threshold is the kind's. Trusts its input: the API validates it first (see
 * check-originality-request.server.ts).
 */
export function checkOriginality(options: {
  db: DbOrTx;
  text: string;
  kind: string;
  columnId?: number | null;
  pieceId?: number | null;
}): OriginalityResult {
  const { db } = options;
  const checked = prepareCheckedText(options.text, boilerplateFor(db, options.columnId ?? null));
  const hits = findIndexedPieces(db, checkProbes(checked), {
    before: options.pieceId ?? null,
    limit: MAX_CANDIDATES,
  });
  const candidates: CandidateCopy[] = [];
  for (const hit of hits) {
    const copy = pieceCopy({ db, pieceId: hit.pieceId });
    if (copy) candidates.push({ pieceId: hit.pieceId, title: copy.title, kind: copy.kind, text: copy.text });
  }
  return scoreOriginality({ checked, candidates, threshold: thresholdFor(db, options.kind) });
}
