import { z } from "zod";
import type { ApiOperation } from "../api/openapi";
import { JOB_STATUSES } from "./job-status";

export const jobSchema = z.object({
  id: z.number(),
  status: z.enum(JOB_STATUSES),
  progress: z.number(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
});

export const jobApiOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/jobs/{id}",
    summary: "A job's status, progress and result",
    capability: "jobs.read",
    response: jobSchema,
  },
  {
    method: "post",
    path: "/api/v1/jobs/{id}/cancel",
    summary: "Cancel a job",
    capability: "jobs.cancel",
    response: jobSchema,
  },
];
