import type { JobHandler } from "../jobs/worker.server";

/** Job types of the media capability. */
export const mediaJobHandlers: Record<string, JobHandler> = {};
