import { fail, type Result } from "~/lib/result";
import { writeJustification, type JustificationOptions } from "./write-justification.server";

/**
 * A reviewer's written reason for letting the review findings of the piece's current text
 * through. It covers the exact text of each part (the copy, a caption) that holds one: a later
 * edit of that part needs a new justification, a caption added elsewhere does not. Resolves the
 * library-change flag. Audited in the same transaction.
 */
export function justifyFindings(options: JustificationOptions): Result<{ justificationIds: number[] }> {
  return writeJustification({
    ...options,
    kind: "findings",
    covers: (evaluation) => {
      const reviews = evaluation.findings.filter((finding) => finding.severity === "review");
      if (reviews.length === 0)
        return fail(409, "nothing_to_justify", "当前文本没有需要说明理由的用语。", {
          params: { context: "findings" },
        });
      return {
        hashes: [...new Set(reviews.map((finding) => finding.partHash))],
        summary: { findings: reviews.map((finding) => ({ term: finding.term, match: finding.match })) },
        clearsFlag: true,
      };
    },
  });
}
