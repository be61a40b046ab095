import { z } from "zod";
import { metricsQuerySchema } from "../analytics/metrics-schemas";
import type { ApiOperation } from "../api/openapi";
import { leadInputSchema } from "../leads/lead-schemas";
import { EVENT_TYPES, eventBatchSchema } from "./event-types";

const sourceFigures = z.object({
  source: z.string(),
  views: z.number(),
  visitors: z.number(),
  plays: z.number(),
  completes: z.number(),
  leads: z.number(),
});

/** Events, leads and a piece's figures. */
export const trackingApiOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/events",
    summary: `A landing page's beacon (text/plain or JSON, at most 64 KB): 1–50 events of one page, types ${EVENT_TYPES.join(", ")}; client-made ids count once. Answers 202 after the events are committed; bots get 202 and nothing is stored`,
    capability: "public",
    body: eventBatchSchema,
    response: z.object({ accepted: z.number(), duplicates: z.number(), ignored: z.number().optional() }),
  },
  {
    method: "post",
    path: "/api/v1/leads",
    summary:
      "A lead from a landing page's form: consent must be true, a mainland mobile number, the honeypot `website` empty. 201 for a new lead, 200 with duplicate: true for the same person and piece; downloadUrl for e-books and handbooks",
    capability: "public",
    body: leadInputSchema,
    response: z.object({
      lead: z.object({ id: z.number(), phoneMasked: z.string() }),
      duplicate: z.boolean(),
      downloadUrl: z.string().nullable(),
    }),
  },
  {
    method: "get",
    path: "/api/v1/leads",
    summary:
      "The newest leads with masked numbers; reveal=1 adds full numbers and names for roles with leads.reveal (audited)",
    capability: "leads.read",
    query: z.object({
      reveal: z.enum(["0", "1"]).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
  },
  {
    method: "get",
    path: "/api/v1/pieces/{id}/metrics",
    summary:
      "A piece's first-party figures for a range of days (completion rate = completes ÷ plays; lead rate = leads ÷ unique visitors), by source, with the platforms' current figures beside them",
    capability: "analytics.read",
    query: metricsQuerySchema,
    response: z.object({
      views: z.number(),
      visitors: z.number(),
      plays: z.number(),
      completes: z.number(),
      completionRate: z.number().nullable(),
      avgWatchSeconds: z.number().nullable(),
      leads: z.number(),
      leadRate: z.number().nullable(),
      downloads: z.number(),
      bySource: z.array(sourceFigures),
    }),
  },
];
