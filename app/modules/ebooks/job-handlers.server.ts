import type { JobHandler } from "../jobs/worker.server";

/** Job types of the ebooks capability. */
export const ebookJobHandlers: Record<string, JobHandler> = {};
