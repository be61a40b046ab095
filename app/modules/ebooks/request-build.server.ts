import { and, desc, eq, inArray } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { enqueueJob, type JobRow } from "../jobs/queue.server";
import { firstContentProblem, signoffRequiredMessage } from "./build-checks.server";
import { bookSnapshot, contentHashOf } from "./content-hash.server";
import { getSignoffState } from "./get-signoff-state.server";
import { loadBookContent } from "./load-book-content.server";
import { trackedLink, type PublicBase } from "./public-url.server";
import type { BuildProfile } from "./schemas";

export const EBOOK_BUILD_JOB = "ebook.build";

/**
 * Queues a build of the book's current content. A print build needs a valid external sign-off
 * covering exactly this content, and QR codes to a public address (not loopback or private: set
 * PUBLIC_BASE_URL). A build of the same profile already waiting or running is answered instead
 * of queueing a second one (a double click queues one build).
 */
export function requestBuild(options: {
  db: Db;
  actor: Actor;
  pieceId: number;
  profile: BuildProfile;
  /** Base of the QR codes' tracked link (resolvePublicBase, so a refusal can say where it came from). */
  publicBaseUrl: string | PublicBase;
  now: Date;
}): Result<{ job: JobRow; created: boolean }> {
  const { db, actor, pieceId, profile, now } = options;
  const content = loadBookContent({ db, pieceId });
  if (!content) return fail(404, "not_found", "这本书不存在。", { params: { context: "book" } });
  const problem = firstContentProblem(content);
  if (problem)
    return fail(422, "content_problem", problem.message, {
      field: "chapters",
      params: { detail: problem.message },
    });
  const contentHash = contentHashOf(bookSnapshot(content));
  let signoffId: number | null = null;
  if (profile === "print") {
    const state = getSignoffState({ db, pieceId, contentHash });
    if (state.state !== "valid")
      return fail(409, "signoff_required", signoffRequiredMessage(state), {
        field: "profile",
        params: state.state === "voided" ? { context: "voided", reason: state.reason } : undefined,
      });
    signoffId = state.signoff.id;
  }
  const link = trackedLink({
    base: options.publicBaseUrl,
    slug: content.piece.slug,
    printed: profile === "print",
    field: "profile",
  });
  if (!link.ok) return link;
  const publicUrl = link.url;
  return db.transaction((tx) => {
    const active = tx
      .select({ job: schema.jobs })
      .from(schema.ebookBuildRequests)
      .innerJoin(schema.jobs, eq(schema.jobs.id, schema.ebookBuildRequests.jobId))
      .where(
        and(
          eq(schema.ebookBuildRequests.pieceId, pieceId),
          eq(schema.ebookBuildRequests.profile, profile),
          inArray(schema.jobs.status, ["queued", "running"]),
        ),
      )
      .orderBy(desc(schema.jobs.id))
      .limit(1)
      .get();
    if (active) return { ok: true as const, job: active.job, created: false };
    const { job } = enqueueJob(tx, {
      type: EBOOK_BUILD_JOB,
      payload: { pieceId, profile, publicUrl, contentHash, signoffId },
      actor,
      now,
    });
    tx.insert(schema.ebookBuildRequests)
      .values({ pieceId, jobId: job.id, profile, requestedBy: actor.id, createdAt: now })
      .run();
    return { ok: true as const, job, created: true };
  });
}
