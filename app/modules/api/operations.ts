import { articleApiOperations } from "../articles/api-operations";
import { calendarApiOperations } from "../calendar/api-operations";
import { complianceApiOperations } from "../compliance/api-operations";
import { complianceReviewApiOperations } from "../compliance/review/api-operations";
import { ebookApiOperations } from "../ebooks/api-operations";
import { jobApiOperations } from "../jobs/api-operations";
import { livestreamApiOperations } from "../livestream/api-operations";
import { mediaApiOperations } from "../media/api-operations";
import { notificationApiOperations } from "../notifications/api-operations";
import { metricsImportApiOperations } from "../metrics-import/api-operations";
import { pieceApiOperations } from "../pieces/api-operations";
import { posterApiOperations } from "../posters/api-operations";
import { publishingApiOperations } from "../publishing/api-operations";
import { trackingApiOperations } from "../tracking/api-operations";
import type { ApiOperation } from "./openapi";

/** Every documented API operation; each capability contributes its own list. */
export const apiOperations: ApiOperation[] = [
  ...pieceApiOperations,
  ...articleApiOperations,
  ...jobApiOperations,
  ...mediaApiOperations,
  ...livestreamApiOperations,
  ...ebookApiOperations,
  ...calendarApiOperations,
  ...publishingApiOperations,
  ...complianceReviewApiOperations,
  ...complianceApiOperations,
  ...metricsImportApiOperations,
  ...trackingApiOperations,
  ...notificationApiOperations,
  ...posterApiOperations,
];
