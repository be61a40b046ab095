import type { Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { enqueueJob, toJobDto, type JobDto } from "../jobs/queue.server";
import { canRenderEpisode, loadEpisode } from "./episode-access.server";
import { activeRenderJob, RENDER_KEY_PREFIX } from "./episode-rows.server";
import { requestRenderSchema, type RequestRenderInput } from "./page-schemas";
import { buildRenderInput } from "./render-input.server";

export { requestRenderSchema, type RequestRenderInput };

/**
 * Queues a render. While a render of the same script, clips and cover is queued or running, asking
 * again returns that job instead of a second one (double clicks, retried API calls).
 */
export function requestRender(options: {
  db: Db;
  dataDir: string;
  actor: Actor;
  pieceId: number;
  input: RequestRenderInput;
  now: Date;
}): Result<{ job: JobDto; created: boolean }> {
  const { db, actor, now, pieceId } = options;
  const loaded = loadEpisode(db, pieceId);
  if (!loaded.ok) return loaded;
  if (!canRenderEpisode(loaded.piece, actor))
    return fail(403, "forbidden", "你不能合成这条短视频（只能合成自己负责的短视频）。", {
      params: { context: "renderEpisode" },
    });
  const coverAtSecond = options.input.coverAtSecond ?? null;
  if (coverAtSecond !== null && coverAtSecond >= loaded.column.durationSeconds)
    return fail(400, "bad_cover", `封面时间必须小于栏目时长 ${loaded.column.durationSeconds} 秒。`, {
      field: "coverAtSecond",
      params: { seconds: loaded.column.durationSeconds },
    });
  const input = buildRenderInput({ db, dataDir: options.dataDir, pieceId, coverAtSecond });
  if (!input.ok) return input;
  const keyBase = `${RENDER_KEY_PREFIX}${pieceId}:${input.inputHash}:`;
  return db.transaction((tx) => {
    const active = activeRenderJob(tx, pieceId, input.inputHash);
    if (active) return { ok: true as const, job: toJobDto(active), created: false };
    // The queue's keys are unique forever; the time suffix lets the same input render again later.
    const { job } = enqueueJob(tx, {
      type: "video.render",
      payload: { pieceId, coverAtSecond, inputHash: input.inputHash },
      idempotencyKey: `${keyBase}${now.getTime()}`,
      actor,
      now,
    });
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "episode.render.request",
      entity: "piece",
      entityId: pieceId,
      after: { jobId: job.id, inputHash: input.inputHash, coverAtSecond },
      at: now,
    });
    return { ok: true as const, job: toJobDto(job), created: true };
  });
}
