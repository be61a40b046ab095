import { z } from "zod";
import { JUSTIFICATION_KINDS, JUSTIFICATION_NOTE_MAX } from "./review-types";

const note = z
  .string({ error: "请写明理由" })
  .trim()
  .min(1, "请写明理由")
  .max(JUSTIFICATION_NOTE_MAX, `理由不能超过 ${JUSTIFICATION_NOTE_MAX} 个字`);

/** The hash of the text the reviewer read: a justification covers that text and no other. */
const textHash = z
  .string({ error: "页面已过期，请刷新后再写" })
  .regex(/^[0-9a-f]{64}$/, "页面已过期，请刷新后再写");

/** The review panel's two forms: a justification of review findings, an originality exception. */
export const justificationSchema = z.object({ note, textHash });
export type JustificationInput = z.infer<typeof justificationSchema>;

/** POST /api/v1/pieces/{id}/compliance/justifications */
export const apiJustificationSchema = justificationSchema.extend({
  kind: z.enum(JUSTIFICATION_KINDS, { error: "kind 只能是 findings 或 originality" }),
});
