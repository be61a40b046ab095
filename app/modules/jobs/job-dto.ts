import type { JobStatus } from "./job-status";

/** A job as pages and the API see it (progress, outcome); plain so components can name it. */
export interface JobDto {
  id: number;
  type: string;
  status: JobStatus;
  progress: number;
  progressNote: string | null;
  etaSeconds: number | null;
  attempts: number;
  result: Record<string, unknown> | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}
