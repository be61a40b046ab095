import { settings } from "~/lib/env.server";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

/**
 * Where media lives under DATA_DIR. Rows store paths relative to DATA_DIR so a data directory can
 * move (or sit behind an object store later); every name below is generated, never user input.
 */

/** 2 GiB: a phone's 4K minute is well under it; `MAX_UPLOAD_BYTES` overrides. */
export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

export function maxUploadBytes(): number {
  return settings().maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
}

export const mediaPaths = {
  episodeDir: (pieceId: number) => path.join("media", "episodes", String(pieceId)),
  columnDir: (columnId: number) => path.join("media", "columns", String(columnId)),
  rendersDir: (pieceId: number) => path.join("renders", String(pieceId)),
  /** Per-job scratch space, wiped at the start of every attempt and at the end. */
  jobWorkDir: (jobId: number) => path.join("tmp", "jobs", String(jobId)),
};

/** Resolves a stored relative path, refusing anything that would leave DATA_DIR. */
export function resolveStored(dataDir: string, relPath: string): string {
  const full = path.resolve(dataDir, relPath);
  const root = path.resolve(dataDir) + path.sep;
  if (!full.startsWith(root)) throw new Error(`stored path escapes the data directory: ${relPath}`);
  return full;
}

export function relativeToData(dataDir: string, fullPath: string): string {
  return path.relative(path.resolve(dataDir), fullPath);
}

const CONTENT_TYPES: Record<string, string> = {
  ".mp4": "video/mp4",
  ".mov": "video/quicktime",
  ".mkv": "video/x-matroska",
  ".webm": "video/webm",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".m4a": "audio/mp4",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
  ".aac": "audio/aac",
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

export type FileBody =
  | { ok: true; status: 200 | 206; body: ReadableStream<Uint8Array>; headers: Record<string, string> }
  | { ok: false; status: 404 | 416 };

/** A stored file as a response body, honouring a single byte range so players can seek. */
export async function openFileBody(options: {
  fullPath: string;
  range: string | null;
  downloadName?: string;
}): Promise<FileBody> {
  const info = await stat(options.fullPath).catch(() => null);
  if (!info?.isFile()) return { ok: false, status: 404 };
  const headers: Record<string, string> = {
    "Content-Type": contentTypeOf(options.fullPath),
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, max-age=0",
  };
  if (options.downloadName)
    headers["Content-Disposition"] =
      `attachment; filename*=UTF-8''${encodeURIComponent(options.downloadName)}`;
  const match = options.range ? /^bytes=(\d*)-(\d*)$/.exec(options.range) : null;
  if (match && (match[1] || match[2])) {
    const start = match[1] ? Number(match[1]) : Math.max(0, info.size - Number(match[2]));
    const end = match[1] && match[2] ? Math.min(Number(match[2]), info.size - 1) : info.size - 1;
    if (start > end || start >= info.size) return { ok: false, status: 416 };
    headers["Content-Range"] = `bytes ${start}-${end}/${info.size}`;
    headers["Content-Length"] = String(end - start + 1);
    return {
      ok: true,
      status: 206,
      headers,
      body: Readable.toWeb(createReadStream(options.fullPath, { start, end })) as ReadableStream<Uint8Array>,
    };
  }
  headers["Content-Length"] = String(info.size);
  return {
    ok: true,
    status: 200,
    headers,
    body: Readable.toWeb(createReadStream(options.fullPath)) as ReadableStream<Uint8Array>,
  };
}
