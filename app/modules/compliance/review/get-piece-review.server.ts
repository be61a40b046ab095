import { eq } from "drizzle-orm";
import type { Language } from "~/i18n/locales";
import { schema, type Db } from "~/lib/db.server";
import { errorMessage } from "~/lib/error-message";
import type { Failure } from "~/lib/result";
import { checkTransitionGates } from "../../pieces/transition-gates.server";
import { evaluatePiece, justifiedSince, loadJustifications } from "./evaluate-piece.server";
import { belowThreshold, distinctPlaces, hasOriginalityException, isJustified } from "./resolution";
import { approvalRefusal } from "./review-gates.server";
import { severityCount, type GateNotice, type JustificationKind, type PieceReviewDto } from "./review-types";

const PUBLISHABLE = ["approved", "scheduled"];

/**
 * What the reviewer sees of a piece's compliance: the check of its current text (the stored one
 * when it still covers the text, else computed now and stored on the next step), each finding
 * with whether a justification covers it, originality against the threshold with the similar
 * pieces, the justifications written so far, and why approval or publishing would be refused
 * now, in `lang`. Reads only. Null for an unknown piece.
 */
export function getPieceReview(options: { db: Db; pieceId: number; lang: Language }): PieceReviewDto | null {
  const { db, pieceId, lang } = options;
  const piece = db.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get();
  if (!piece) return null;
  const evaluation = evaluatePiece(db, pieceId, { originality: true });
  if (!evaluation) return null;
  const { checked, stored } = evaluation;
  const originality = evaluation.originality!;
  const justifications = loadJustifications(db, pieceId);
  const since = justifiedSince(evaluation);
  const added = new Set(stored ? evaluation.added : []);
  const findings = evaluation.findings.map((finding) => ({
    ...finding,
    justified: finding.severity === "review" && isJustified(finding, justifications, since),
    isNew: added.has(finding),
  }));
  const places = distinctPlaces(findings);
  const hashes = new Set(checked.parts.map((part) => part.hash));
  const notice = (failure: Failure | null): GateNotice | null =>
    failure ? { code: failure.code, message: errorMessage(failure, lang) } : null;

  return {
    pieceId,
    pieceStatus: piece.status,
    text: checked.text,
    textHash: checked.hash,
    parts: checked.parts,
    termsVersion: evaluation.termsVersion,
    stored: evaluation.current,
    storedCheck: stored
      ? {
          textHash: stored.textHash,
          termsVersion: stored.termsVersion,
          blockCount: severityCount(distinctPlaces(stored.findings), "block"),
          reviewCount: severityCount(distinctPlaces(stored.findings), "review"),
          originality: stored.originality.score,
          originalityThreshold: stored.originality.threshold,
          checkedAt: stored.checkedAt.toISOString(),
        }
      : null,
    flaggedAt: stored?.flaggedAt?.toISOString() ?? null,
    findings,
    counts: {
      block: severityCount(places, "block"),
      review: severityCount(places, "review"),
      unjustified: places.filter((f) => f.severity === "review" && !f.justified).length,
    },
    originality: {
      ...originality,
      below: belowThreshold(originality),
      excepted: hasOriginalityException(checked.parts[0].hash, justifications),
    },
    justifications: justifications
      .map((j) => ({
        id: j.id,
        kind: j.kind as JustificationKind,
        note: j.note,
        actorName: j.actorName,
        at: j.at.toISOString(),
        current: hashes.has(j.textHash),
      }))
      .reverse(),
    approvalHold: piece.status === "in_review" ? notice(approvalRefusal(evaluation, justifications)) : null,
    publishHold: PUBLISHABLE.includes(piece.status)
      ? notice(checkTransitionGates({ tx: db, piece, action: "publish" }))
      : null,
  };
}
