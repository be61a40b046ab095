/**
 * The workflow's "changed after approval" rule, as plain data for pages and the API: the transition
 * action it records, and what a piece page shows while the piece waits for a new approval.
 */
export const EDIT_AFTER_APPROVAL = "edit_after_approval";

/** Statuses an edit takes back: what reviewers approved is no longer what would go out. */
export const HELD_STATUSES: readonly string[] = ["approved", "scheduled"];

export interface ApprovalHoldDto {
  /** The status the piece had when it was edited (approved or scheduled). */
  fromStatus: string;
  toStatus: string;
  actorName: string | null;
  at: string;
}
