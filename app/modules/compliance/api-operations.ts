import type { ApiOperation } from "../api/openapi";
import { SCAN_TEXT_MAX } from "./compliance-types";
import { originalityRequestSchema, originalityResultSchema } from "./originality/schemas";
import { scanRequestSchema, scanResponseSchema } from "./scanner/scan-schemas";
import { termApiOperations } from "./terms/api-operations";

/** The compliance capability's API operations (scanner, term library, originality, review). */
export const complianceApiOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/compliance/scan",
    summary: `Check a text against the current sensitive-term library: findings with offsets into the sent text (spaces, symbols, zero-width, full-width and traditional characters between or in a term do not hide it). Reads only; 413 text_too_long over ${SCAN_TEXT_MAX} characters`,
    capability: "compliance.scan",
    body: scanRequestSchema,
    response: scanResponseSchema,
  },
  {
    method: "post",
    path: "/api/v1/compliance/originality",
    summary: `Originality of a text against the copy of earlier pieces (every indexed piece, or those created before pieceId): score, the kind's threshold, the five most similar earlier pieces with the shared passages' offsets in both texts; under 60 characters a near-duplicate check only. The column's outro line and declared boilerplate are left out. Reads only; 400 unknown kind, column or blank text, 404 unknown piece, 413 text_too_long over ${SCAN_TEXT_MAX} characters`,
    capability: "compliance.scan",
    body: originalityRequestSchema,
    response: originalityResultSchema,
  },
  ...termApiOperations,
];
