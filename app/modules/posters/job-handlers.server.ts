import type { JobHandler } from "../jobs/worker.server";
import { renderPosterJobHandler } from "./render-poster-job.server";
import { POSTER_RENDER_JOB } from "./request-poster-render.server";

/** Job types of the posters capability. */
export const posterJobHandlers: Record<string, JobHandler> = {
  [POSTER_RENDER_JOB]: renderPosterJobHandler,
};
