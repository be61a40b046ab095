/**
 * What the review and publish gates decide, as pure functions of a check, the piece's
 * justifications and its flag: which findings are new, which review findings a justification
 * covers, and whether the originality score needs an exception.
 */
import type { Finding } from "../compliance-types";
import type { CheckedPart, JustificationKind, StoredFinding } from "./review-types";

export interface JustificationRef {
  kind: JustificationKind | string;
  textHash: string;
  at: Date;
}

/** What makes two findings "the same" across checks: the entry, its severity and the matched text. */
function findingKey(finding: Pick<Finding, "term" | "severity" | "match">): string {
  return `${finding.severity}\u0000${finding.term}\u0000${finding.match}`;
}

/**
 * Findings of `next` that `previous` did not have, counted as a multiset: a second 最 where there
 * was one is new, the same 最 moved by an edit is not. A severity raised from review to block
 * counts as new.
 */
export function newFindings<F extends Pick<Finding, "term" | "severity" | "match">>(
  previous: readonly Pick<Finding, "term" | "severity" | "match">[],
  next: readonly F[],
): F[] {
  const seen = new Map<string, number>();
  for (const finding of previous) seen.set(findingKey(finding), (seen.get(findingKey(finding)) ?? 0) + 1);
  const added: F[] = [];
  for (const finding of next) {
    const key = findingKey(finding);
    const left = seen.get(key) ?? 0;
    if (left > 0) seen.set(key, left - 1);
    else added.push(finding);
  }
  return added;
}

/**
 * One finding per place, as the findings list shows them: a finding that lies inside another at
 * least as grave is left out (最 inside 最好, 最低价 inside 全网最低价). Counts and messages name
 * places, not every overlapping term; whether anything blocks or needs a justification is the same.
 */
export function distinctPlaces<F extends Pick<Finding, "start" | "end" | "severity">>(
  findings: readonly F[],
): F[] {
  const kept: F[] = [];
  for (const finding of [...findings].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const graver = (k: F) => k.severity === "block" || finding.severity === "review";
    if (!kept.some((k) => k.start <= finding.start && finding.end <= k.end && graver(k))) kept.push(finding);
  }
  return kept;
}

/** Each finding with the part of the checked text it starts in, and that part's hash. */
export function placeFindings(findings: readonly Finding[], parts: readonly CheckedPart[]): StoredFinding[] {
  return findings.map((finding) => {
    let part = 0;
    for (let i = parts.length - 1; i > 0; i--)
      if (parts[i].start <= finding.start) {
        part = i;
        break;
      }
    return { ...finding, part, partHash: parts[part]?.hash ?? "" };
  });
}

/**
 * From when a justification counts: after the piece was last flagged (a justification written
 * before a library change found new findings does not cover them), never when `unseen` (a newer
 * library found findings no stored check has yet), else always.
 */
export function coveredSince(flaggedAt: Date | null, unseen = false): number {
  if (unseen) return Infinity;
  return flaggedAt?.getTime() ?? -Infinity;
}

/** A review finding is covered by a "findings" justification for the exact text of its part. */
export function isJustified(
  finding: Pick<StoredFinding, "partHash">,
  justifications: readonly JustificationRef[],
  since: number,
): boolean {
  return justifications.some(
    (j) => j.kind === "findings" && j.textHash === finding.partHash && j.at.getTime() >= since,
  );
}

/** Review findings that no justification covers, in text order. */
export function unjustifiedReviews<F extends StoredFinding>(
  findings: readonly F[],
  justifications: readonly JustificationRef[],
  since: number,
): F[] {
  return findings.filter(
    (finding) => finding.severity === "review" && !isJustified(finding, justifications, since),
  );
}

/** The score is under the threshold. A text too short for a score is never "below" it. */
export function belowThreshold(originality: { score: number | null; threshold: number }): boolean {
  return originality.score !== null && originality.score < originality.threshold;
}

/** An editor recorded an originality exception for this exact copy. */
export function hasOriginalityException(copyHash: string, justifications: readonly JustificationRef[]) {
  return justifications.some((j) => j.kind === "originality" && j.textHash === copyHash);
}

/** Percent for messages: 0.823 → 82. */
export function percent(share: number): number {
  return Math.floor(share * 1000) / 10;
}
