import { diffLines } from "diff";

export interface DiffPart {
  kind: "added" | "removed" | "same";
  text: string;
}

/** Line diff between two revisions' bodies, for the revision history view. */
export function diffBodies(before: string, after: string): DiffPart[] {
  return diffLines(before, after).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}
