import { ebookJobHandlers } from "../ebooks/job-handlers.server";
import { mediaJobHandlers } from "../media/job-handlers.server";
import type { JobHandler } from "./worker.server";

/**
 * Every job type the worker runs, by name. Capabilities add their handlers here explicitly
 * (no registration by side effect, which bundlers may drop).
 */
export const jobHandlers: Record<string, JobHandler> = { ...mediaJobHandlers, ...ebookJobHandlers };
