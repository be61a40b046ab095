import type { ApiOperation } from "../api/openapi";

/** API operations of the media capability, for the OpenAPI document. */
export const mediaApiOperations: ApiOperation[] = [];
