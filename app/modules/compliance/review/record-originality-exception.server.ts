import { fail, type Result } from "~/lib/result";
import { belowThreshold } from "./resolution";
import { writeJustification, type JustificationOptions } from "./write-justification.server";

/**
 * An editor's justified exception to the originality threshold for the piece's current copy (a
 * model's specification sheet reads like every other dealer's). Only for a copy whose score is
 * under the threshold; an edit of the copy needs a new one. Audited in the same transaction.
 */
export function recordOriginalityException(
  options: JustificationOptions,
): Result<{ justificationIds: number[] }> {
  return writeJustification({
    ...options,
    kind: "originality",
    covers: (evaluation) => {
      const originality = evaluation.originality;
      if (!originality || !belowThreshold(originality))
        return fail(409, "nothing_to_justify", "当前文本的原创度没有低于要求，不需要记录例外。", {
          params: { context: "originality" },
        });
      return {
        hashes: [evaluation.checked.parts[0].hash],
        summary: { score: originality.score, threshold: originality.threshold },
        clearsFlag: false,
      };
    },
  });
}
