import type { ApiOperation } from "../api/openapi";

/** API operations of the livestream capability, for the OpenAPI document. */
export const livestreamApiOperations: ApiOperation[] = [];
