import type { ApiOperation } from "../api/openapi";
import { SCAN_TEXT_MAX } from "./compliance-types";
import { scanRequestSchema, scanResponseSchema } from "./scanner/scan-schemas";

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
];
