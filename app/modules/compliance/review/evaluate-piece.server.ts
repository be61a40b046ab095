/**
 * The check of a piece's current text, from the stored row when it still covers the text and the
 * library, else computed now without writing anything. The gates, the review page and the use
 * cases that write a check all start here.
 */
import { asc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { DEFAULT_ORIGINALITY_THRESHOLD } from "../compliance-types";
import { currentCompiledLibrary } from "../library-cache.server";
import { checkOriginality } from "../originality/check-originality.server";
import { indexPieceCopy } from "../originality/index-piece-copy.server";
import { scanCompiled } from "../scanner/scan";
import { readCheckedText, type CheckedText } from "./checked-text.server";
import {
  coveredSince,
  distinctPlaces,
  newFindings,
  placeFindings,
  type JustificationRef,
} from "./resolution";
import {
  severityCount,
  type JustificationKind,
  type StoredFinding,
  type StoredSimilar,
} from "./review-types";

/** How many similar pieces a check keeps (the most similar first). */
const SIMILAR_KEPT = 5;

export interface OriginalityOutcome {
  score: number | null;
  threshold: number;
  nearDuplicateOf: number | null;
  similar: StoredSimilar[];
}

export interface StoredCheck {
  pieceId: number;
  textHash: string;
  termsVersion: number;
  findings: StoredFinding[];
  originality: OriginalityOutcome;
  flaggedAt: Date | null;
  checkedAt: Date;
}

export interface Evaluation {
  checked: CheckedText;
  stored: StoredCheck | null;
  termsVersion: number;
  /** The stored check covers this exact text under the current library. */
  current: boolean;
  findings: StoredFinding[];
  /** Findings the stored check did not have (all of them when there is none). */
  added: StoredFinding[];
  /**
   * A newer library found findings in the very text the stored check covers, and no rescan has
   * flagged them yet: no justification written so far covers them.
   */
  unseen: boolean;
  /** Null when it was not asked for and the stored one does not cover this text. */
  originality: OriginalityOutcome | null;
}

export function loadStoredCheck(db: DbOrTx, pieceId: number): StoredCheck | null {
  const row = db.select().from(schema.pieceChecks).where(eq(schema.pieceChecks.pieceId, pieceId)).get();
  if (!row) return null;
  const similar = row.similar as StoredSimilar[];
  return {
    pieceId: row.pieceId,
    textHash: row.textHash,
    termsVersion: row.termsVersion,
    findings: row.findings as StoredFinding[],
    originality: {
      score: row.originality,
      threshold: row.originalityThreshold,
      nearDuplicateOf: similar.find((s) => s.nearDuplicate)?.pieceId ?? null,
      similar,
    },
    flaggedAt: row.flaggedAt,
    checkedAt: row.checkedAt,
  };
}

export function loadJustifications(db: DbOrTx, pieceId: number) {
  return db
    .select({
      id: schema.complianceJustifications.id,
      kind: schema.complianceJustifications.kind,
      textHash: schema.complianceJustifications.textHash,
      note: schema.complianceJustifications.note,
      at: schema.complianceJustifications.at,
      actorName: schema.users.name,
    })
    .from(schema.complianceJustifications)
    .leftJoin(schema.users, eq(schema.users.id, schema.complianceJustifications.actorId))
    .where(eq(schema.complianceJustifications.pieceId, pieceId))
    .orderBy(asc(schema.complianceJustifications.at), asc(schema.complianceJustifications.id))
    .all()
    .map((row) => ({ ...row, kind: row.kind as JustificationKind })) satisfies JustificationRef[];
}

/** The originality check of the copy, in the shape a check stores. */
function runOriginality(db: DbOrTx, pieceId: number, checked: CheckedText): OriginalityOutcome {
  const result = checkOriginality({
    db,
    text: checked.copy.text,
    kind: checked.copy.kind,
    columnId: checked.copy.columnId,
    pieceId,
  });
  const similar: StoredSimilar[] = result.similar
    .slice(0, SIMILAR_KEPT)
    .map((s) => (s.pieceId === result.nearDuplicateOf ? { ...s, nearDuplicate: true } : s));
  return {
    score: result.score,
    threshold: result.threshold ?? DEFAULT_ORIGINALITY_THRESHOLD,
    nearDuplicateOf: result.nearDuplicateOf,
    similar,
  };
}

/**
 * The piece's check as of now. Cheap when the stored row covers the text (a hash of the copy and
 * captions) and the library version; otherwise the text is scanned again in memory, and the
 * originality check runs only when `originality` asks for it (a changed caption does not need
 * one to decide about publishing). Null for an unknown piece.
 */
export function evaluatePiece(
  db: DbOrTx,
  pieceId: number,
  options: { originality: boolean },
): Evaluation | null {
  const checked = readCheckedText(db, pieceId);
  if (!checked) return null;
  const stored = loadStoredCheck(db, pieceId);
  const library = currentCompiledLibrary(db);
  const sameText = stored?.textHash === checked.hash;
  const current = sameText && stored.termsVersion === library.version;
  const findings = current
    ? stored.findings
    : placeFindings(scanCompiled(library.lib, checked.text), checked.parts);
  const originality = sameText
    ? stored.originality
    : options.originality
      ? runOriginality(db, pieceId, checked)
      : null;
  const added = newFindings(stored?.findings ?? [], findings);
  return {
    checked,
    stored,
    termsVersion: library.version,
    current,
    findings,
    added,
    unseen: sameText && !current && added.length > 0,
    originality,
  };
}

/**
 * Writes an evaluation as the piece's stored check (its originality is computed first when the
 * evaluation has none) and re-indexes the copy for originality when the text changed. The flag:
 * `flaggedAt` when given; else the stored one, set now when a newer library found findings no
 * check had (`unseen`); none when nothing is left to resolve.
 */
export function storeEvaluation(
  tx: DbOrTx,
  evaluation: Evaluation,
  options: { now: Date; pieceId: number; flaggedAt?: Date | null },
): StoredCheck {
  const { now, pieceId } = options;
  const previous = evaluation.stored;
  const originality = evaluation.originality ?? runOriginality(tx, pieceId, evaluation.checked);
  let flaggedAt =
    options.flaggedAt !== undefined
      ? options.flaggedAt
      : evaluation.unseen
        ? (previous?.flaggedAt ?? now)
        : (previous?.flaggedAt ?? null);
  if (evaluation.findings.length === 0) flaggedAt = null;
  const places = distinctPlaces(evaluation.findings);
  const values = {
    textHash: evaluation.checked.hash,
    termsVersion: evaluation.termsVersion,
    findings: evaluation.findings,
    blockCount: severityCount(places, "block"),
    reviewCount: severityCount(places, "review"),
    originality: originality.score,
    originalityThreshold: originality.threshold,
    similar: originality.similar,
    flaggedAt,
    checkedAt: now,
  };
  tx.insert(schema.pieceChecks)
    .values({ pieceId, ...values })
    .onConflictDoUpdate({ target: schema.pieceChecks.pieceId, set: values })
    .run();
  if (previous?.textHash !== values.textHash) indexPieceCopy({ tx, pieceId });
  return {
    pieceId,
    textHash: values.textHash,
    termsVersion: values.termsVersion,
    findings: evaluation.findings,
    originality,
    flaggedAt,
    checkedAt: now,
  };
}

/** From when a justification counts for this evaluation's review findings. */
export function justifiedSince(evaluation: Evaluation): number {
  return coveredSince(evaluation.stored?.flaggedAt ?? null, evaluation.unseen);
}
