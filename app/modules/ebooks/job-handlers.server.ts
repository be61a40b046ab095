import type { JobHandler } from "../jobs/worker.server";
import { notifyJobOutcome } from "../notifications/notify-job-outcome.server";
import { buildEbookHandler } from "./build-ebook.server";
import { EBOOK_BUILD_JOB } from "./request-build.server";

/** Job types of the ebooks capability. */
export const ebookJobHandlers: Record<string, JobHandler> = {
  [EBOOK_BUILD_JOB]: notifyJobOutcome("build", buildEbookHandler),
};
