import { z } from "zod";
import type { ApiOperation } from "../api/openapi";
import { SLOT_STATUSES } from "../calendar/calendar-types";
import { markPublishedSchema, resendSlotSchema } from "./publishing-schemas";

export const publishingApiOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/slots/{id}/published",
    summary:
      "Mark a slot published at its live URL (the channel's operator for a queued or missed hand-off; an editor also for unconfirmed and failed slots). The piece's first published slot moves the piece to published.",
    capability: "publishing.handoff",
    body: markPublishedSchema,
    response: z.object({
      slotId: z.number(),
      status: z.enum(SLOT_STATUSES),
      liveUrl: z.string(),
      publishedAt: z.string(),
      piecePublished: z.boolean(),
    }),
  },
  {
    method: "post",
    path: "/api/v1/slots/{id}/resend",
    summary:
      "Send an unconfirmed or failed slot again (editors only). The receiver gets the slot's same Idempotency-Key.",
    capability: "publishing.resend",
    body: resendSlotSchema,
    response: z.object({ slotId: z.number(), status: z.enum(SLOT_STATUSES), jobId: z.number() }),
  },
];
