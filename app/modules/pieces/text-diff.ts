import { diffLines } from "diff";

export interface DiffPart {
  kind: "added" | "removed" | "same";
  text: string;
}

/** A revision's change from the one before it, or the marker that it was too large to compute. */
export type BodyDiff = { tooLarge: false; parts: DiffPart[] } | { tooLarge: true };

/**
 * The line diff is Myers' algorithm: its cost grows with the square of the number of changed lines
 * (two bodies of 12,500 different lines took over a minute). Past 1,000 changed lines it costs about
 * 0.2 s on one core and a reader gets nothing out of the diff anyway, so it gives up there; the time
 * budget only guards a busy machine.
 */
export const DIFF_MAX_CHANGED_LINES = 1_000;
export const DIFF_TIMEOUT_MS = 500;

/** Line diff between two revisions' bodies, for the revision history view. */
export function diffBodies(before: string, after: string): BodyDiff {
  // A first revision or an emptied body is one part whatever its length: no need to search.
  if (before === "" || after === "")
    return {
      tooLarge: false,
      parts: before === after ? [] : [{ kind: before === "" ? "added" : "removed", text: before || after }],
    };
  const changes = diffLines(before, after, {
    maxEditLength: DIFF_MAX_CHANGED_LINES,
    timeout: DIFF_TIMEOUT_MS,
  });
  if (!changes) return { tooLarge: true };
  return {
    tooLarge: false,
    parts: changes.map((part) => ({
      kind: part.added ? "added" : part.removed ? "removed" : "same",
      text: part.value,
    })),
  };
}
