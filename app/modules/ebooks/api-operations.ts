import type { ApiOperation } from "../api/openapi";

/** API operations of the ebooks capability, for the OpenAPI document. */
export const ebookApiOperations: ApiOperation[] = [];
