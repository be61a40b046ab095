import { rm } from "node:fs/promises";
import { and, eq, max } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import type { Failure, Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor } from "../auth/actor";
import { toJobDto, type JobDto } from "../jobs/queue.server";
import { checkEpisodeUpload } from "./check-episode-upload.server";
import { toMediaAssetDto } from "./episode-rows.server";
import type { MediaAssetDto } from "./media-dto";
import {
  enqueueVerify,
  inspectSaved,
  keepSaved,
  keptAssetValues,
  refuse,
  type AcceptUploadOptions,
} from "./saved-upload.server";

export interface AcceptEpisodeUploadOptions extends AcceptUploadOptions {
  pieceId: number;
}

/**
 * Checks a streamed upload with ffprobe and either keeps it (row + background full-decode job) or
 * deletes it. Nothing is left behind by a refusal: no file, no row.
 */
export async function acceptEpisodeUpload(
  options: AcceptEpisodeUploadOptions,
): Promise<Result<{ asset: MediaAssetDto; job: JobDto }>> {
  const { db, actor, saved, now } = options;
  if (!saved) return refuse("missing_file", "请选择要上传的文件（字段名 file）。", { context: "api" });
  if (!saved.ok) return refuse(saved.code, saved.message, saved.params);
  const inspected = await inspectSaved(saved.path, options.maxBytes, false);
  // The episode may have been locked while the file streamed in: check again before keeping it.
  const allowed = checkEpisodeUpload({ db, actor, pieceId: options.pieceId });
  if (!inspected.ok || !allowed.ok) {
    await rm(saved.path, { force: true });
    return inspected.ok ? (allowed as Failure) : inspected;
  }
  const probed = inspected.probed;
  const finalPath = await keepSaved(saved.path, "clip", probed.ext);
  try {
    return db.transaction((tx) => {
      const position =
        (tx
          .select({ m: max(schema.mediaAssets.position) })
          .from(schema.mediaAssets)
          .where(and(eq(schema.mediaAssets.pieceId, options.pieceId), eq(schema.mediaAssets.role, "footage")))
          .get()?.m ?? -1) + 1;
      const asset = tx
        .insert(schema.mediaAssets)
        .values({
          pieceId: options.pieceId,
          role: "footage",
          ...keptAssetValues(options, { probed, finalPath, bytes: saved.bytes }),
          position,
          verifyStatus: "pending",
        })
        .returning()
        .get();
      const { job, asset: updated } = enqueueVerify(tx, { assetId: asset.id, actor, now });
      recordAudit(tx, {
        actor: auditActor(actor),
        action: "episode.media.upload",
        entity: "piece",
        entityId: options.pieceId,
        after: { assetId: asset.id, name: asset.originalName, bytes: asset.bytes, kind: asset.kind },
        at: now,
      });
      return { ok: true as const, asset: toMediaAssetDto(updated), job: toJobDto(job) };
    });
  } catch (error) {
    await rm(finalPath, { force: true });
    throw error;
  }
}
