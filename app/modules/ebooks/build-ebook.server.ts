/**
 * The 'ebook.build' job: typesets the book's content as it is when the job runs and stores the
 * result as an immutable version. Safe to re-run: the PDF is content-addressed (named by its
 * sha256) and the version row is written with the job's success, once.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { schema } from "~/lib/db.server";
import { recordAudit } from "../audit/record-audit.server";
import { PermanentJobError, type JobHandler } from "../jobs/worker.server";
import { buildFilePath, imageResolver } from "./book-files.server";
import type { BookContent } from "./book-rows.server";
import { signoffRequiredMessage } from "./build-checks.server";
import { keepChapterTexts } from "./chapter-texts.server";
import { bookSnapshot, contentHashOf, sha256Hex } from "./content-hash.server";
import { getSignoffState } from "./get-signoff-state.server";
import { loadBookContent } from "./load-book-content.server";
import { printedUrlProblem } from "./public-url.server";
import { renderBookPdf } from "./render-book-pdf.server";
import { BUILD_PROFILES } from "./schemas";
import type { Book, TrimSize } from "./types";

const payloadSchema = z.object({
  pieceId: z.number().int().positive(),
  profile: z.enum(BUILD_PROFILES),
  publicUrl: z.string().url(),
});

/** The book as the typesetter takes it (chapter and section ids prefixed, so they never clash). */
function toRenderBook(content: BookContent): Book {
  return {
    title: content.piece.title,
    subtitle: content.meta.subtitle || undefined,
    author: content.meta.author,
    keywords: content.meta.keywords,
    description: content.meta.description || undefined,
    trim: content.meta.trim as TrimSize,
    sections: content.sections.map((s) => ({
      id: `s${s.id}`,
      title: s.title,
      chapters: s.chapters.map((c) => ({ id: `c${c.id}`, title: c.title, markdown: c.markdown })),
    })),
  };
}

function tempRoot(dataDir: string): string {
  return path.join(dataDir, "tmp");
}

/** Work dirs of earlier attempts of this job (a crash leaves them behind). */
async function removeStaleWorkDirs(dataDir: string, jobId: number): Promise<void> {
  const root = tempRoot(dataDir);
  const entries = await readdir(root).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((e) => e.startsWith(`ebook-build-${jobId}-`))
      .map((e) => rm(path.join(root, e), { recursive: true, force: true })),
  );
}

export const buildEbookHandler: JobHandler = async (ctx) => {
  const parsed = payloadSchema.safeParse(ctx.job.payload);
  if (!parsed.success) throw new PermanentJobError("构建任务的参数无效");
  const { pieceId, profile, publicUrl } = parsed.data;
  const { db, config } = ctx.studio;

  const content = loadBookContent({ db, pieceId });
  if (!content) throw new PermanentJobError("这本书不存在");
  const snapshot = bookSnapshot(content);
  const contentHash = contentHashOf(snapshot);
  let signoffId: number | null = null;
  if (profile === "print") {
    // A print run with QR codes nobody can open is worse than none: never typeset one, even
    // for a job queued before the address was checked.
    const problem = printedUrlProblem(publicUrl);
    if (problem) throw new PermanentJobError(problem);
    // Checked again at run time: the content may have changed since the build was requested.
    const state = getSignoffState({ db, pieceId, contentHash });
    if (state.state !== "valid") throw new PermanentJobError(signoffRequiredMessage(state));
    signoffId = state.signoff.id;
  }

  await removeStaleWorkDirs(config.dataDir, ctx.job.id);
  const workDir = path.join(
    tempRoot(config.dataDir),
    `ebook-build-${ctx.job.id}-${randomBytes(4).toString("hex")}`,
  );
  await mkdir(workDir, { recursive: true });
  try {
    ctx.reportProgress(0.02, "检查内容");
    const started = performance.now();
    const rendered = await renderBookPdf({
      book: toRenderBook(content),
      profile,
      resolveImage: imageResolver(config.dataDir, content.images),
      publicUrl,
      now: ctx.studio.now(),
      onProgress: (f) => ctx.reportProgress(0.02 + f * 0.9, f < 1 ? "排版中" : "写入文件"),
    });
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error("cancelled");
    if (!rendered.ok) throw new PermanentJobError(rendered.error.message);
    const renderMs = Math.round(performance.now() - started);

    const sha256 = sha256Hex(rendered.pdf);
    const target = buildFilePath(config.dataDir, { pieceId, sha256 });
    if (!existsSync(target)) {
      const temp = path.join(workDir, "book.pdf");
      await writeFile(temp, rendered.pdf);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(temp, target);
    }
    ctx.reportProgress(0.98, "保存版本");
    const bytes = rendered.pdf.length;
    const pages = rendered.pageCount;
    const now = ctx.studio.now();
    const jobId = ctx.job.id;
    const createdBy = ctx.job.createdBy;
    // What the version row stores and its audit entry repeats.
    const built = { jobId, profile, pages, bytes, sha256, contentHash };
    return {
      result: { pieceId, profile, pages, bytes, sha256, contentHash, publicUrl },
      commit: (tx) => {
        if (
          tx
            .select({ id: schema.ebookBuilds.id })
            .from(schema.ebookBuilds)
            .where(eq(schema.ebookBuilds.jobId, jobId))
            .get()
        )
          return;
        const build = tx
          .insert(schema.ebookBuilds)
          .values({
            pieceId,
            ...built,
            snapshot,
            signoffId,
            renderMs,
            createdBy,
            createdAt: now,
          })
          .returning({ id: schema.ebookBuilds.id })
          .get();
        keepChapterTexts(tx, content);
        const requester = createdBy
          ? tx
              .select({ email: schema.users.email })
              .from(schema.users)
              .where(eq(schema.users.id, createdBy))
              .get()
          : undefined;
        recordAudit(tx, {
          actor: { id: createdBy, label: requester?.email ?? "system" },
          action: "ebook.build",
          entity: "piece",
          entityId: pieceId,
          after: { buildId: build.id, ...built, signoffId, publicUrl },
          at: now,
        });
      },
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
};
