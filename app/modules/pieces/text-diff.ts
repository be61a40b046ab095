import { diffArrays, diffChars } from "diff";

/** A run of characters inside a changed line; `changed` marks what this side added or removed. */
export interface DiffSegment {
  text: string;
  changed: boolean;
}

/**
 * One line of a diff. A removed line followed by the added line that replaced it carries
 * `segments`, so the reader sees which characters changed rather than two whole lines.
 */
export interface DiffLine {
  /** "skipped": a run of `count` unchanged lines far from any change, folded away. */
  kind: "added" | "removed" | "same" | "skipped";
  text: string;
  segments?: DiffSegment[];
  count?: number;
}

/** A revision's change from the one before it, or the marker that it was too large to compute. */
export type BodyDiff = { tooLarge: false; lines: DiffLine[] } | { tooLarge: true };

/**
 * The line diff is Myers' algorithm: its cost grows with the square of the number of changed lines
 * (two bodies of 12,500 different lines took over a minute). Past 1,000 changed lines it costs about
 * 0.2 s on one core and a reader gets nothing out of the diff anyway, so it gives up there; the time
 * budget only guards a busy machine.
 */
export const DIFF_MAX_CHANGED_LINES = 1_000;
export const DIFF_TIMEOUT_MS = 500;
/** Unchanged lines kept on each side of a change; longer runs are folded. */
export const DIFF_CONTEXT_LINES = 3;
/** Past this length a line pair is shown whole: a character diff of two essays says nothing. */
const CHAR_DIFF_MAX_LINE = 2_000;

/**
 * The body's lines. Line endings are normalised and a final newline does not make a line, so a
 * body saved from another editor (CRLF, or with or without the last newline) compares equal line by
 * line: the old whole-text diff showed such unchanged lines as removed and added.
 */
export function bodyLines(body: string): string[] {
  if (body === "") return [];
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function lineSegments(before: string, after: string): [DiffSegment[], DiffSegment[]] | null {
  if (before.length > CHAR_DIFF_MAX_LINE || after.length > CHAR_DIFF_MAX_LINE) return null;
  const removed: DiffSegment[] = [];
  const added: DiffSegment[] = [];
  // Neighbouring runs of the same kind are one segment (an insertion splits the old side's run).
  const push = (side: DiffSegment[], text: string, changed: boolean) => {
    const last = side[side.length - 1];
    if (last?.changed === changed) last.text += text;
    else side.push({ text, changed });
  };
  for (const part of diffChars(before, after)) {
    if (!part.added) push(removed, part.value, Boolean(part.removed));
    if (!part.removed) push(added, part.value, Boolean(part.added));
  }
  // Lines with nothing in common are a replacement, not an edit: no highlights.
  if (!removed.some((s) => !s.changed)) return null;
  return [removed, added];
}

/** Removed lines then the lines added in their place, the i-th of each paired for highlights. */
function replacement(removed: string[], added: string[]): DiffLine[] {
  const out: DiffLine[] = [];
  const pairs = removed.map((line, i) => (i < added.length ? lineSegments(line, added[i]) : null));
  removed.forEach((text, i) =>
    out.push({ kind: "removed", text, ...(pairs[i] ? { segments: pairs[i][0] } : {}) }),
  );
  added.forEach((text, i) =>
    out.push({ kind: "added", text, ...(pairs[i] ? { segments: pairs[i][1] } : {}) }),
  );
  return out;
}

/** A run of unchanged lines, with only the lines next to a change before or after it shown. */
function unchanged(run: string[], changeBefore: boolean, changeAfter: boolean): DiffLine[] {
  const head = changeBefore ? DIFF_CONTEXT_LINES : 0;
  const tail = changeAfter ? DIFF_CONTEXT_LINES : 0;
  const same = (text: string): DiffLine => ({ kind: "same", text });
  // Folding fewer than two lines saves nothing.
  if (run.length <= head + tail + 1) return run.map(same);
  return [
    ...run.slice(0, head).map(same),
    { kind: "skipped", text: "", count: run.length - head - tail },
    ...run.slice(run.length - tail).map(same),
  ];
}

/** Line-by-line diff of two bodies (revisions, chapters), with the changed characters of edited lines. */
export function diffBodies(before: string, after: string): BodyDiff {
  const a = bodyLines(before);
  const b = bodyLines(after);
  // A first revision or an emptied body is all one kind whatever its length: no need to search.
  if (!a.length || !b.length)
    return {
      tooLarge: false,
      lines: [
        ...a.map((text) => ({ kind: "removed" as const, text })),
        ...b.map((text) => ({ kind: "added" as const, text })),
      ],
    };
  const changes = diffArrays(a, b, { maxEditLength: DIFF_MAX_CHANGED_LINES, timeout: DIFF_TIMEOUT_MS });
  if (!changes) return { tooLarge: true };
  const lines: DiffLine[] = [];
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (!change.added && !change.removed) {
      lines.push(...unchanged(change.value, i > 0, i < changes.length - 1));
    } else if (change.removed && changes[i + 1]?.added) {
      lines.push(...replacement(change.value, changes[i + 1].value));
      i++;
    } else {
      for (const text of change.value) lines.push({ kind: change.added ? "added" : "removed", text });
    }
  }
  return { tooLarge: false, lines };
}
