import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { enqueueJob, toJobDto, type JobDto } from "../jobs/queue.server";
import { requireEditableEpisode } from "./episode-access.server";
import { listEpisodeClips, verifyJobKey } from "./episode-rows.server";

export interface RecheckEpisodeClipOptions {
  db: Db;
  actor: Actor;
  pieceId: number;
  assetId: number;
  now: Date;
}

/**
 * Runs a clip's background check again: after a damaged file was found (perhaps wrongly: ffmpeg
 * killed for memory looks the same), or after the check job failed or was cancelled. A check still
 * queued or running is returned instead of a second one.
 */
export function recheckEpisodeClip(
  options: RecheckEpisodeClipOptions,
): Result<{ job: JobDto; created: boolean }> {
  const { db, actor, now } = options;
  const loaded = requireEditableEpisode(db, options.pieceId, actor);
  if (!loaded.ok) return loaded;
  return db.transaction((tx) => {
    const clip = listEpisodeClips(tx, options.pieceId).find((c) => c.id === options.assetId);
    if (!clip) return fail(404, "not_found", "素材不存在。", { params: { context: "asset" } });
    if (clip.verifyStatus === "verified")
      return fail(409, "already_verified", "这段素材已通过检测，不需要重新检测。");
    const current =
      clip.verifyJobId !== null
        ? tx.select().from(schema.jobs).where(eq(schema.jobs.id, clip.verifyJobId)).get()
        : undefined;
    if (current && (current.status === "queued" || current.status === "running"))
      return { ok: true as const, job: toJobDto(current), created: false };
    // The queue keeps a key for good: a new check gets a key of its own, named after the one it replaces.
    const { job, created } = enqueueJob(tx, {
      type: "media.verify",
      payload: { assetId: clip.id },
      idempotencyKey: verifyJobKey(clip.id, clip.verifyJobId),
      actor,
      now,
    });
    tx.update(schema.mediaAssets)
      .set({ verifyStatus: "pending", verifyError: null, verifyJobId: job.id })
      .where(eq(schema.mediaAssets.id, clip.id))
      .run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "episode.media.recheck",
      entity: "piece",
      entityId: options.pieceId,
      before: { assetId: clip.id, verifyStatus: clip.verifyStatus, jobId: clip.verifyJobId },
      after: { assetId: clip.id, verifyStatus: "pending", jobId: job.id },
      at: now,
    });
    return { ok: true as const, job: toJobDto(job), created };
  });
}
