import { complianceJobHandlers } from "../compliance/review/rescan-job.server";
import { ebookJobHandlers } from "../ebooks/job-handlers.server";
import { leadJobHandlers } from "../leads/crm-delivery-job.server";
import { mediaJobHandlers } from "../media/job-handlers.server";
import { notificationJobHandlers } from "../notifications/wecom-delivery-job.server";
import { posterJobHandlers } from "../posters/job-handlers.server";
import { privacyJobHandlers } from "../privacy/erase-job.server";
import { publishingJobHandlers } from "../publishing/publish-slot-job.server";
import type { JobHandler } from "./worker.server";

export interface JobLane {
  name: string;
  handlers: Record<string, JobHandler>;
  /** Jobs of this lane that run at once; null takes WORKER_CONCURRENCY. */
  concurrency: number | null;
}

/**
 * Every job type the worker runs, by lane. A minute-long video encode must not hold a
 * one-second PDF build behind it, so each lane has its own worker loop. Capabilities add their
 * handlers here explicitly (no registration by side effect, which bundlers may drop).
 */
export const jobLanes: JobLane[] = [
  { name: "video", handlers: mediaJobHandlers, concurrency: null },
  // PDF builds and the compliance rescan after a term library change: short jobs, one at a time.
  { name: "documents", handlers: { ...ebookJobHandlers, ...complianceJobHandlers }, concurrency: 1 },
  // Deletion requests (PIPL, due in 48 h): seconds of work, never behind a long rescan or render.
  { name: "privacy", handlers: privacyJobHandlers, concurrency: 1 },
  // A slot must go out within a minute of its time, whatever renders are running.
  { name: "publishing", handlers: publishingJobHandlers, concurrency: 4 },
  // WeCom group messages: seconds each, retried with backoff, never behind renders or builds.
  { name: "notifications", handlers: notificationJobHandlers, concurrency: 2 },
  // New leads to the dealership's CRM: sales has 15 minutes, so never behind renders or builds.
  { name: "crm", handlers: leadJobHandlers, concurrency: 2 },
  // Poster renders: a second or so per image, one poster at a time, never behind video encodes.
  { name: "posters", handlers: posterJobHandlers, concurrency: 1 },
];
