import { settings } from "~/lib/env.server";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { eq, max } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { recordAudit } from "../audit/record-audit.server";
import type { Studio } from "~/lib/studio.server";
import { PermanentJobError, type JobContext, type JobHandler } from "../jobs/worker.server";
import { notifyJobOutcome } from "../notifications/notify-job-outcome.server";
import { checkFfmpegCapabilities } from "./ffmpeg.server";
import { makeSampleClips } from "./make-sample-clips.server";
import { mediaPaths, relativeToData, resolveStored } from "./media-store.server";
import { probeMedia } from "./probe-media.server";
import { buildRenderInput } from "./render-input.server";
import { renderEpisode } from "./render-episode.server";
import { verifyFullDecode } from "./validate-media-file.server";
import type { EncoderSettings } from "./filter-graph";

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** A fresh, empty scratch dir for this job: whatever a crashed attempt left there is removed first. */
async function freshWorkDir(studio: Studio, jobId: number): Promise<string> {
  const dir = resolveStored(studio.config.dataDir, mediaPaths.jobWorkDir(jobId));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

/** The engine writes hidden siblings of the final files; a killed attempt can leave them behind. */
async function removeStaleSiblings(dir: string, prefix: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.filter((n) => n.startsWith(`.${prefix}`)).map((n) => rm(path.join(dir, n), { force: true })),
  );
}

function abortedError(ctx: JobContext): Error {
  return ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error("cancelled");
}

/** Strict full decode of an uploaded clip or still: until this passes, it cannot be used in a render. */
const verifyMedia: JobHandler = async (ctx) => {
  const assetId = num(ctx.job.payload.assetId);
  if (assetId === null) throw new PermanentJobError("payload.assetId missing");
  const { db, config } = ctx.studio;
  const asset = db.select().from(schema.mediaAssets).where(eq(schema.mediaAssets.id, assetId)).get();
  // Deleted while queued: nothing to check.
  if (!asset) return { result: { assetId, skipped: true } };
  // A re-check replaced this job: only the newest check may write the outcome.
  if (asset.verifyJobId !== null && asset.verifyJobId !== ctx.job.id)
    return { result: { assetId, superseded: true } };
  const record = (tx: DbOrTx, status: "verified" | "failed", error: string | null) => {
    tx.update(schema.mediaAssets)
      .set({ verifyStatus: status, verifyError: error })
      .where(eq(schema.mediaAssets.id, assetId))
      .run();
    recordAudit(tx, {
      actor: { id: null, label: "worker" },
      action: "media.verify",
      entity: asset.pieceId !== null ? "piece" : "column",
      entityId: asset.pieceId ?? asset.columnId,
      before: { assetId, verifyStatus: asset.verifyStatus },
      after: { assetId, verifyStatus: status, error },
      at: ctx.studio.now(),
    });
  };
  // Audio (a column's outro recording) was read whole by ffprobe at upload.
  if (asset.kind !== "video" && asset.kind !== "image")
    return { result: { assetId, status: "verified" }, commit: (tx) => record(tx, "verified", null) };
  ctx.reportProgress(0.05, "正在完整解码检测");
  const checked = await verifyFullDecode({
    path: resolveStored(config.dataDir, asset.relPath),
    kind: asset.kind,
    signal: ctx.signal,
    logger: ctx.logger,
  });
  if (!checked.ok && checked.code === "aborted") throw abortedError(ctx);
  const status = checked.ok ? "verified" : "failed";
  const error = checked.ok ? null : checked.message;
  if (!checked.ok)
    ctx.logger.warn({ assetId, detail: checked.detail.slice(-500) }, "uploaded file failed the full decode");
  return {
    result: { assetId, status },
    commit: (tx: DbOrTx) => record(tx, status, error),
  };
};

let capabilitiesChecked = false;

/** Tests pass a faster preset through RENDER_PRESET; production keeps the documented defaults. */
function encoderFromEnv(): EncoderSettings | undefined {
  const preset = settings().renderPreset;
  return preset ? { preset } : undefined;
}

/**
 * One render attempt: a fresh scratch dir, deterministic output names (`job-<id>`) so a re-run after
 * a crash overwrites rather than duplicates, and the version row written in the job's commit, so
 * it exists exactly when the job succeeded.
 */
const renderVideo: JobHandler = async (ctx) => {
  const pieceId = num(ctx.job.payload.pieceId);
  if (pieceId === null) throw new PermanentJobError("payload.pieceId missing");
  const coverAtSecond = num(ctx.job.payload.coverAtSecond);
  const { db, config } = ctx.studio;

  if (!capabilitiesChecked) {
    const caps = await checkFfmpegCapabilities();
    if (!caps.ok)
      throw new PermanentJobError(
        `ffmpeg 缺少 ${caps.missing.join("、")}，无法合成视频。请安装带 libx264 和 libass 的 ffmpeg（FFMPEG_PATH）。`,
      );
    capabilitiesChecked = true;
  }

  const input = buildRenderInput({ db, dataDir: config.dataDir, pieceId, coverAtSecond });
  if (!input.ok) throw new PermanentJobError(input.message);

  const jobId = ctx.job.id;
  const workDir = await freshWorkDir(ctx.studio, jobId);
  const relDir = mediaPaths.rendersDir(pieceId);
  const outDir = resolveStored(config.dataDir, relDir);
  await mkdir(outDir, { recursive: true });
  const base = `job-${jobId}`;
  await removeStaleSiblings(outDir, base);
  const files = {
    outputPath: path.join(outDir, `${base}.mp4`),
    coverPath: path.join(outDir, `${base}-cover.jpg`),
    thumbnailPath: path.join(outDir, `${base}-thumb.jpg`),
  };

  ctx.reportProgress(0.01, "正在合成", null);
  try {
    const rendered = await renderEpisode({
      workDir,
      ...files,
      column: input.column,
      episode: input.episode,
      clips: input.clips,
      coverAtSecond: coverAtSecond ?? undefined,
      signal: ctx.signal,
      logger: ctx.logger,
      encoder: encoderFromEnv(),
      onProgress: ({ fraction, etaSeconds }) =>
        ctx.reportProgress(
          fraction,
          fraction >= 1 ? "已完成" : "正在合成",
          etaSeconds === null ? null : Math.round(etaSeconds),
        ),
    });
    if (!rendered.ok) {
      if (rendered.code === "aborted") throw abortedError(ctx);
      if (
        rendered.code === "encode_failed" ||
        rendered.code === "verify_failed" ||
        rendered.code === "cover_failed"
      )
        throw new Error(`${rendered.message} ${rendered.detail?.slice(-300) ?? ""}`.trim());
      throw new PermanentJobError(rendered.message);
    }
    const rel = {
      videoPath: relativeToData(config.dataDir, files.outputPath),
      coverPath: relativeToData(config.dataDir, files.coverPath),
      thumbnailPath: relativeToData(config.dataDir, files.thumbnailPath),
    };
    const createdBy = ctx.job.createdBy;
    return {
      result: {
        pieceId,
        bytes: rendered.bytes,
        durationSeconds: rendered.durationSeconds,
        // Clips left out (a failed or unfinished check) come first: the editor must know what is missing.
        warnings: [...input.skippedClips.map((c) => c.message), ...rendered.warnings],
        skippedClips: input.skippedClips,
      },
      commit: (tx) => {
        const number =
          (tx
            .select({ n: max(schema.episodeRenders.number) })
            .from(schema.episodeRenders)
            .where(eq(schema.episodeRenders.pieceId, pieceId))
            .get()?.n ?? 0) + 1;
        const row = tx
          .insert(schema.episodeRenders)
          .values({
            pieceId,
            number,
            jobId,
            ...rel,
            bytes: rendered.bytes,
            durationSeconds: rendered.durationSeconds,
            coverAtSecond,
            inputHash: input.inputHash,
            createdBy,
            createdAt: ctx.studio.now(),
          })
          .returning({ id: schema.episodeRenders.id })
          .get();
        recordAudit(tx, {
          actor: { id: createdBy, label: "worker" },
          action: "episode.render.create",
          entity: "piece",
          entityId: pieceId,
          after: { renderId: row.id, number, jobId, bytes: rendered.bytes },
          at: ctx.studio.now(),
        });
      },
    };
  } catch (error) {
    // Outputs of a failed or cancelled attempt are not a version: remove them with the scratch dir.
    await Promise.all(Object.values(files).map((f) => rm(f, { force: true })));
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
};

/** Demo footage made with lavfi sources, attached to a demo episode (so the first start is not blocked). */
const makeDemoClips: JobHandler = async (ctx) => {
  const pieceId = num(ctx.job.payload.pieceId);
  if (pieceId === null) throw new PermanentJobError("payload.pieceId missing");
  const seconds = num(ctx.job.payload.seconds) ?? 20;
  const { db, config } = ctx.studio;
  if (!db.select({ id: schema.pieces.id }).from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get())
    return { result: { skipped: true } };
  const workDir = await freshWorkDir(ctx.studio, ctx.job.id);
  try {
    ctx.reportProgress(0.05, "正在生成示例素材");
    const made = await makeSampleClips({ destDir: workDir, seconds, signal: ctx.signal, logger: ctx.logger });
    if (!made.ok) {
      if (ctx.signal.aborted) throw abortedError(ctx);
      throw new Error(made.message.slice(0, 500));
    }
    const relDir = mediaPaths.episodeDir(pieceId);
    await mkdir(resolveStored(config.dataDir, relDir), { recursive: true });
    const rows: (typeof schema.mediaAssets.$inferInsert)[] = [];
    for (const [i, clip] of made.clips.entries()) {
      const probed = await probeMedia(clip.path);
      if (!probed.ok) throw new Error(probed.message);
      const rel = path.join(relDir, `sample-${ctx.job.id}-${i + 1}.mp4`);
      await rename(clip.path, resolveStored(config.dataDir, rel));
      const { size } = await stat(resolveStored(config.dataDir, rel));
      const p = probed.probe;
      rows.push({
        pieceId,
        role: "footage",
        kind: "video",
        originalName: `示例素材${i + 1}：${clip.description}`,
        relPath: rel,
        bytes: size,
        durationSeconds: p.durationSeconds,
        width: p.video?.width ?? null,
        height: p.video?.height ?? null,
        sar: p.video?.sar ?? 1,
        hasAudio: p.hasAudio,
        position: i,
        verifyStatus: "verified",
        createdAt: ctx.studio.now(),
      });
    }
    return {
      result: { pieceId, clips: rows.length },
      commit: (tx) => {
        for (const row of rows) tx.insert(schema.mediaAssets).values(row).run();
        recordAudit(tx, {
          actor: { id: null, label: "system" },
          action: "episode.media.sample",
          entity: "piece",
          entityId: pieceId,
          after: { clips: rows.length },
          at: ctx.studio.now(),
        });
      },
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
};

/** Job types of the media capability. */
export const mediaJobHandlers: Record<string, JobHandler> = {
  "media.verify": verifyMedia,
  "video.render": notifyJobOutcome("render", renderVideo),
  "media.sample-clips": makeDemoClips,
};
