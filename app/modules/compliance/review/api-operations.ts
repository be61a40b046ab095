import { z } from "zod";
import type { ApiOperation } from "../../api/openapi";
import { apiJustificationSchema } from "./schemas";

const reviewSchema = z.object({
  pieceId: z.number(),
  pieceStatus: z.string(),
  text: z
    .string()
    .describe("the checked text: the copy, then each caption still to go out, a blank line apart"),
  textHash: z.string().describe("sha256 of the checked text; send it back with a justification"),
  stored: z.boolean().describe("the stored check covers this text and the current library"),
  storedCheck: z
    .object({
      textHash: z.string(),
      termsVersion: z.number(),
      blockCount: z.number(),
      reviewCount: z.number(),
      originality: z.number().nullable(),
      originalityThreshold: z.number(),
      checkedAt: z.string(),
    })
    .nullable(),
  flaggedAt: z.string().nullable().describe("a library change found findings the piece did not have before"),
  counts: z.object({ block: z.number(), review: z.number(), unjustified: z.number() }),
  findings: z.array(z.object({ term: z.string(), match: z.string(), severity: z.enum(["block", "review"]) })),
  approvalHold: z.object({ code: z.string(), message: z.string() }).nullable(),
  publishHold: z.object({ code: z.string(), message: z.string() }).nullable(),
});

/** API operations of the compliance review, for the OpenAPI document. */
export const complianceReviewApiOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/pieces/{id}/compliance",
    summary:
      "A piece's stored compliance check and the review of its current text: findings, originality, justifications, what holds approval or publishing",
    capability: "pieces.read",
    response: reviewSchema,
  },
  {
    method: "post",
    path: "/api/v1/pieces/{id}/compliance/justifications",
    summary:
      "Justify the review findings of the current text (kind findings) or record an originality exception (kind originality); textHash names the text read",
    capability: "compliance.justify",
    body: apiJustificationSchema,
    response: z.object({ ids: z.array(z.number()), review: reviewSchema }),
  },
];
