/**
 * The review side of compliance as pages and the API see it: the check of a piece's current text,
 * what still holds its approval or publication, and the written justifications. Plain types and
 * constants: safe in the browser.
 */
import type { Finding, SimilarPiece, TermSeverity } from "../compliance-types";

export const JUSTIFICATION_KINDS = ["findings", "originality"] as const;
export type JustificationKind = (typeof JUSTIFICATION_KINDS)[number];

/** The longest justification note, in characters. */
export const JUSTIFICATION_NOTE_MAX = 500;

/** Piece statuses whose text the gates watch: a library change re-checks these. */
export const WATCHED_PIECE_STATUSES = ["in_review", "approved", "scheduled"] as const;

/**
 * One stretch of the checked text: the piece's copy (always the first, possibly empty) or the
 * caption of one of its slots that can still go out. `hash` is the sha256 of the stretch alone:
 * a justification covers one exact stretch, so a caption added later does not void what the
 * reviewer wrote about the copy.
 */
export interface CheckedPart {
  source: "copy" | "caption";
  slotId: number | null;
  channelName: string | null;
  /** Offsets into the checked text (end exclusive). */
  start: number;
  end: number;
  hash: string;
}

/** A finding as stored in `piece_checks.findings`: which part it lies in, and that part's hash. */
export interface StoredFinding extends Finding {
  part: number;
  partHash: string;
}

/** A finding as the reviewer sees it. */
export interface ReviewFinding extends StoredFinding {
  /** A review finding covered by a justification written for its part's text. */
  justified: boolean;
  /** Not in the stored check: found by a newer library or in text changed since. */
  isNew: boolean;
}

/** A similar earlier piece as stored with the check. */
export type StoredSimilar = SimilarPiece & { nearDuplicate?: boolean };

export interface OriginalityView {
  /** 0–1; null for a text too short for a score. */
  score: number | null;
  threshold: number;
  nearDuplicateOf: number | null;
  similar: StoredSimilar[];
  /** The score is under the threshold: approval needs an editor's exception. */
  below: boolean;
  /** An editor recorded an exception for this exact copy. */
  excepted: boolean;
}

export interface JustificationDto {
  id: number;
  kind: JustificationKind;
  note: string;
  actorName: string | null;
  /** ISO instant. */
  at: string;
  /** It covers a part of the text as it is now. */
  current: boolean;
}

/** A refusal the gates would give now, already in the reader's language. */
export interface GateNotice {
  code: string;
  message: string;
}

export interface PieceReviewDto {
  pieceId: number;
  pieceStatus: string;
  /** The checked text: the copy, then each caption that can still go out, a blank line apart. */
  text: string;
  textHash: string;
  parts: CheckedPart[];
  termsVersion: number;
  /** The stored check covers this text and library; false: computed now, stored on the next step. */
  stored: boolean;
  /** The piece's stored check as written (submit, approval, justification, rescan), or null. */
  storedCheck: {
    textHash: string;
    termsVersion: number;
    blockCount: number;
    reviewCount: number;
    originality: number | null;
    originalityThreshold: number;
    /** ISO instant. */
    checkedAt: string;
  } | null;
  /** ISO instant: a library change found findings the piece did not have before. */
  flaggedAt: string | null;
  findings: ReviewFinding[];
  counts: { block: number; review: number; unjustified: number };
  originality: OriginalityView;
  justifications: JustificationDto[];
  /** Why approval would be refused now (in review only). */
  approvalHold: GateNotice | null;
  /** Why scheduling or publishing would be refused now (approved or scheduled only). */
  publishHold: GateNotice | null;
}

/** The calendar's mark on a slot whose piece has compliance work left. */
export const COMPLIANCE_FLAGS = ["new_findings", "unresolved"] as const;
export type ComplianceFlag = (typeof COMPLIANCE_FLAGS)[number];

export function severityCount(findings: readonly { severity: TermSeverity }[], severity: TermSeverity) {
  return findings.filter((finding) => finding.severity === severity).length;
}
