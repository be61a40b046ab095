/**
 * The 'poster.render' job: draws the poster's main image and each variant (its own QR source),
 * and commits them with the job's success as the poster's next version and its media. Safe to
 * re-run after a crash: every attempt starts from a wiped work directory, files land by rename,
 * and the version's rows are written once, in the job's finishing transaction.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { schema } from "~/lib/db.server";
import { recordAudit } from "../audit/record-audit.server";
import { PermanentJobError, type JobHandler } from "../jobs/worker.server";
import { mediaPaths, resolveStored } from "../media/media-store.server";
import { findPoster } from "./find-poster.server";
import { posterPaths, storePosterFile } from "./poster-files.server";
import { posterQrUrl, posterRenderInputs } from "./poster-render-input.server";
import { posterSource } from "./poster-variants.server";
import { findRenderByJob, insertPosterAsset } from "./record-poster-image.server";
import type { PosterScreenSizeKey, PosterTemplateKey } from "./render/poster-catalog";
import { renderPosterVariants } from "./render/render-poster-variants.server";

const payloadSchema = z.object({ pieceId: z.number().int().positive(), publicUrl: z.string().url() });

const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export const renderPosterJobHandler: JobHandler = async (ctx) => {
  const parsed = payloadSchema.safeParse(ctx.job.payload);
  if (!parsed.success) throw new PermanentJobError("海报生成任务的参数无效");
  const { pieceId, publicUrl } = parsed.data;
  const { db, config } = ctx.studio;
  const found = findPoster(db, pieceId);
  const render = findRenderByJob(db, ctx.job.id);
  if (!found || !render) throw new PermanentJobError("海报不存在");

  const workDir = resolveStored(config.dataDir, mediaPaths.jobWorkDir(ctx.job.id));
  // A crashed attempt leaves its half-drawn files here: start clean.
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  try {
    // The copy as it was requested, drawn with the kit and photo as they are now.
    const inputs = await posterRenderInputs(db, config.dataDir, found.poster, {
      template: (render.template ?? found.poster.template) as PosterTemplateKey,
      size: (render.size ?? found.poster.size) as PosterScreenSizeKey,
      fields: render.fields ?? found.poster.fields,
    });
    const targets = [{ key: undefined as string | undefined, label: "" }, ...render.variants];
    const drawn: Array<{
      key?: string;
      label: string;
      file: string;
      bytes: number;
      sha256: string;
      width: number;
      height: number;
    }> = [];
    const qrUrls: string[] = [];
    for (const target of targets) {
      const qr = posterQrUrl({ base: publicUrl, piece: found.piece, key: target.key });
      if (!qr.ok) throw new PermanentJobError(qr.message);
      qrUrls.push(qr.url);
    }
    // Drawn once; each variant only repaints its QR code into a copy of the pixels.
    const rendered = await renderPosterVariants({ ...inputs, qrUrls }, async ({ index, png }) => {
      if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error("cancelled");
      const target = targets[index];
      const file = path.join(workDir, `${target.key ?? "main"}.png`);
      await writeFile(file, png);
      drawn.push({ ...target, file, bytes: png.length, sha256: sha256Hex(png), width: 0, height: 0 });
      ctx.reportProgress(
        (index + 1) / (targets.length + 1),
        target.key ? `批量版本 ${index}/${targets.length - 1}` : "主图",
      );
    });
    if (!rendered.ok) throw new PermanentJobError(rendered.message);
    for (const item of drawn) Object.assign(item, { width: rendered.width, height: rendered.height });

    const [main, ...variants] = drawn;
    const mainPath = posterPaths.image(pieceId, main.sha256, "png");
    await storePosterFile(config.dataDir, mainPath, await readFile(main.file));
    for (const variant of variants)
      await storePosterFile(
        config.dataDir,
        posterPaths.variant(pieceId, render.id, variant.key!),
        await readFile(variant.file),
      );
    ctx.reportProgress(0.98, "保存版本");
    const now = ctx.studio.now();
    return {
      result: {
        pieceId,
        renderId: render.id,
        number: render.number,
        variants: variants.length,
        sha256: main.sha256,
      },
      commit: (tx) => {
        const current = tx
          .select()
          .from(schema.posterRenders)
          .where(eq(schema.posterRenders.id, render.id))
          .get();
        if (!current || current.assetId) return;
        const assetId = insertPosterAsset(tx, {
          pieceId,
          number: render.number,
          relPath: mainPath,
          bytes: main.bytes,
          width: main.width,
          height: main.height,
          uploadedBy: ctx.job.createdBy,
          now,
        });
        tx.update(schema.posterRenders)
          .set({
            assetId,
            width: main.width,
            height: main.height,
            bytes: main.bytes,
            sha256: main.sha256,
            finishedAt: now,
          })
          .where(eq(schema.posterRenders.id, render.id))
          .run();
        for (const variant of variants)
          tx.insert(schema.posterVariants)
            .values({
              renderId: render.id,
              key: variant.key!,
              label: variant.label,
              source: posterSource(pieceId, variant.key),
              relPath: posterPaths.variant(pieceId, render.id, variant.key!),
              bytes: variant.bytes,
              sha256: variant.sha256,
            })
            .run();
        recordAudit(tx, {
          actor: { id: ctx.job.createdBy, label: "system" },
          action: "poster.render",
          entity: "piece",
          entityId: pieceId,
          after: {
            renderId: render.id,
            number: render.number,
            sha256: main.sha256,
            variants: variants.map((v) => v.key),
          },
          at: now,
        });
      },
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
};
