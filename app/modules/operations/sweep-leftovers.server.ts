import { lstat, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { inArray } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import type { Logger } from "~/lib/logger.server";
import { ebooksDir } from "../ebooks/book-files.server";
import { mediaPaths } from "../media/media-store.server";

export interface SweepReport {
  /** Paths relative to the data folder, in the order they were removed. */
  removed: string[];
  bytes: number;
}

/**
 * What a crash leaves behind, by where it is written:
 * - footage and column uploads stream into `media/{episodes,columns}/<id>/.<random>.part` and are
 *   renamed to `<random>.upload` until ffprobe accepts them (save-upload-stream.server.ts);
 * - e-book images are written to `ebooks/images/<id>/<sha>.<ext>.<random>.part` and renamed
 *   (upload-book-image.server.ts);
 * - a job's scratch folder is `tmp/jobs/<jobId>` (media) or `tmp/ebook-build-<jobId>-<random>`
 *   (build-ebook.server.ts), and a render writes hidden `.job-<jobId>….tmp.<ext>` siblings of its
 *   outputs in `renders/<pieceId>/` (render-episode.server.ts).
 */
const UPLOAD_LEFTOVER = /^\..+\.part$|^[^.].*\.upload$/;
const IMAGE_LEFTOVER = /\.part$/;
const MEDIA_SCRATCH = /^\d+$/;
const EBOOK_SCRATCH = /^ebook-build-(\d+)-[0-9a-f]+$/;
const RENDER_LEFTOVER = /^\.job-(\d+)(?:-cover|-thumb)?\.[0-9a-f]+\.tmp\.[a-z0-9]+$/;

async function list(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === "ENOENT" ||
      (error as NodeJS.ErrnoException).code === "ENOTDIR"
    )
      return [];
    throw error;
  }
}

async function sizeOf(full: string): Promise<number> {
  const info = await lstat(full).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const name of await list(full)) total += await sizeOf(path.join(full, name));
  return total;
}

/** `<root>/<numeric id>/` folders, as absolute paths. */
async function idFolders(root: string): Promise<string[]> {
  return (await list(root)).filter((name) => /^\d+$/.test(name)).map((name) => path.join(root, name));
}

/**
 * Removes the leftovers of uploads and jobs interrupted by a crash. Call it at boot, before the
 * server listens and before the workers start: then no upload or job of this process is live, and
 * the data folder's lock keeps every other studio out. Job scratch is removed only for jobs that
 * will not run again (not queued or running), so nothing a worker in another process could still be
 * using goes; a job that will run again wipes its own scratch at the start of its next attempt.
 * Files that a media row points at are never removed.
 */
export async function sweepLeftovers(options: {
  db: Db;
  dataDir: string;
  logger: Logger;
}): Promise<SweepReport> {
  const { db, dataDir } = options;
  const willRun = new Set(
    db
      .select({ id: schema.jobs.id })
      .from(schema.jobs)
      .where(inArray(schema.jobs.status, ["queued", "running"]))
      .all()
      .map((job) => job.id),
  );
  const stored = new Set(
    db
      .select({ relPath: schema.mediaAssets.relPath })
      .from(schema.mediaAssets)
      .all()
      .map((asset) => path.normalize(asset.relPath)),
  );
  const doomed: string[] = [];
  const collect = async (dir: string, matches: (name: string) => boolean) => {
    for (const name of await list(dir)) if (matches(name)) doomed.push(path.join(dir, name));
  };
  const jobEnded = (id: string | undefined) => id !== undefined && !willRun.has(Number(id));
  // The folder holding every `<id>` folder of a media path (media/episodes, renders, tmp/jobs).
  const parentOf = (perIdPath: (id: number) => string) => path.join(dataDir, path.dirname(perIdPath(0)));

  for (const perId of [mediaPaths.episodeDir, mediaPaths.columnDir])
    for (const dir of await idFolders(parentOf(perId)))
      await collect(dir, (name) => UPLOAD_LEFTOVER.test(name));
  for (const dir of await idFolders(path.join(ebooksDir(dataDir), "images")))
    await collect(dir, (name) => IMAGE_LEFTOVER.test(name));
  const jobScratch = parentOf(mediaPaths.jobWorkDir);
  await collect(jobScratch, (name) => MEDIA_SCRATCH.test(name) && jobEnded(name));
  await collect(path.dirname(jobScratch), (name) => jobEnded(EBOOK_SCRATCH.exec(name)?.[1]));
  for (const dir of await idFolders(parentOf(mediaPaths.rendersDir)))
    await collect(dir, (name) => jobEnded(RENDER_LEFTOVER.exec(name)?.[1]));

  const report: SweepReport = { removed: [], bytes: 0 };
  for (const full of doomed) {
    const rel = path.relative(dataDir, full);
    if (stored.has(path.normalize(rel))) continue;
    report.bytes += await sizeOf(full);
    await rm(full, { recursive: true, force: true });
    report.removed.push(rel);
  }
  if (report.removed.length)
    options.logger.info(
      { removed: report.removed, count: report.removed.length, bytes: report.bytes },
      "removed what interrupted uploads and jobs left behind",
    );
  return report;
}
