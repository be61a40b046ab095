/**
 * Helper: an episode's rows as its use cases read them (script lines, clips with the outcome of
 * their check, render versions and render jobs) and the DTOs the pages and the API show.
 */
import { and, asc, desc, eq, inArray, like } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { toJobDto, type JobDto } from "../jobs/queue.server";
import type { EpisodeScriptLine } from "./episode-script";
import type { MediaAssetDto, RenderVersionDto } from "./media-dto";

export type MediaAssetRow = typeof schema.mediaAssets.$inferSelect;
export type RenderRow = typeof schema.episodeRenders.$inferSelect;

export function toMediaAssetDto(row: MediaAssetRow): MediaAssetDto {
  return {
    id: row.id,
    role: row.role,
    kind: row.kind,
    originalName: row.originalName,
    bytes: row.bytes,
    durationSeconds: row.durationSeconds,
    width: row.width,
    height: row.height,
    hasAudio: row.hasAudio,
    position: row.position,
    verifyStatus: row.verifyStatus,
    verifyError: row.verifyError,
    createdAt: row.createdAt.toISOString(),
  };
}

/** `currentHash` gives the hash a render with that cover would have now (`currentRenderHasher`). */
export function toRenderVersionDto(
  row: RenderRow,
  currentHash: ((cover: number | null) => string) | null,
): RenderVersionDto {
  return {
    id: row.id,
    number: row.number,
    jobId: row.jobId,
    bytes: row.bytes,
    durationSeconds: row.durationSeconds,
    coverAtSecond: row.coverAtSecond,
    createdAt: row.createdAt.toISOString(),
    current: currentHash ? currentHash(row.coverAtSecond) === row.inputHash : true,
    videoUrl: `/renders/${row.id}/video`,
    coverUrl: `/renders/${row.id}/cover`,
    thumbnailUrl: `/renders/${row.id}/thumbnail`,
  };
}

export function listScriptLines(db: DbOrTx, pieceId: number): EpisodeScriptLine[] {
  return db
    .select({
      voiceover: schema.episodeScriptLines.voiceover,
      caption: schema.episodeScriptLines.caption,
      shotNote: schema.episodeScriptLines.shotNote,
      seconds: schema.episodeScriptLines.seconds,
    })
    .from(schema.episodeScriptLines)
    .where(eq(schema.episodeScriptLines.pieceId, pieceId))
    .orderBy(asc(schema.episodeScriptLines.position))
    .all();
}

/** The queue key of a clip's check: the first one, then one per re-check (after the job it replaces). */
export function verifyJobKey(assetId: number, previousJobId: number | null): string {
  return previousJobId === null
    ? `media.verify:${assetId}`
    : `media.verify:${assetId}:after-${previousJobId}`;
}

export const VERIFY_JOB_ENDED_MESSAGES = {
  cancelled: "检测已取消，这段素材还不能用于合成。可以重新检测或删除。",
  failed: "后台检测没有完成（任务失败），这段素材还不能用于合成。可以重新检测或删除。",
} as const;

/**
 * A clip's check as people see it. The verify job records the outcome itself, but a job that
 * failed or was cancelled never gets to: its clip would say "checking" for ever, so it counts as
 * a failed check (which can be re-run).
 */
export function withCheckOutcome(asset: MediaAssetRow, jobStatus: string | null): MediaAssetRow {
  if (asset.verifyStatus !== "pending" || (jobStatus !== "failed" && jobStatus !== "cancelled")) return asset;
  return { ...asset, verifyStatus: "failed", verifyError: VERIFY_JOB_ENDED_MESSAGES[jobStatus] };
}

/** The episode's footage in playing order, each with the outcome of its check (`withCheckOutcome`). */
export function listEpisodeClips(db: DbOrTx, pieceId: number): MediaAssetRow[] {
  return db
    .select({ asset: schema.mediaAssets, jobStatus: schema.jobs.status })
    .from(schema.mediaAssets)
    .leftJoin(schema.jobs, eq(schema.jobs.id, schema.mediaAssets.verifyJobId))
    .where(and(eq(schema.mediaAssets.pieceId, pieceId), eq(schema.mediaAssets.role, "footage")))
    .orderBy(asc(schema.mediaAssets.position), asc(schema.mediaAssets.id))
    .all()
    .map(({ asset, jobStatus }) => withCheckOutcome(asset, jobStatus));
}

export function listRenderVersions(db: DbOrTx, pieceId: number): RenderRow[] {
  return db
    .select()
    .from(schema.episodeRenders)
    .where(eq(schema.episodeRenders.pieceId, pieceId))
    .orderBy(desc(schema.episodeRenders.number))
    .all();
}

export const RENDER_KEY_PREFIX = "video.render:";

/**
 * The render of this episode that is queued or running, if any (one at a time per episode is
 * enough); with `inputHash`, only one of that same script and footage.
 */
export function activeRenderJob(db: DbOrTx, pieceId: number, inputHash?: string) {
  return (
    db
      .select()
      .from(schema.jobs)
      .where(
        and(
          eq(schema.jobs.type, "video.render"),
          inArray(schema.jobs.status, ["queued", "running"]),
          like(
            schema.jobs.idempotencyKey,
            `${RENDER_KEY_PREFIX}${pieceId}:${inputHash ? `${inputHash}:` : ""}%`,
          ),
        ),
      )
      .orderBy(desc(schema.jobs.id))
      .get() ?? null
  );
}

/** The latest render job (any state), so the page can show a failure or a cancellation. */
export function latestRenderJob(db: DbOrTx, pieceId: number): JobDto | null {
  const job = db
    .select()
    .from(schema.jobs)
    .where(
      and(
        eq(schema.jobs.type, "video.render"),
        like(schema.jobs.idempotencyKey, `${RENDER_KEY_PREFIX}${pieceId}:%`),
      ),
    )
    .orderBy(desc(schema.jobs.id))
    .get();
  return job ? toJobDto(job) : null;
}
