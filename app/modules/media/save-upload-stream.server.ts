import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ErrorParams } from "~/lib/error-codes";
import { byteLimitParams, formatByteLimit, MEDIA_MESSAGES } from "./media-messages";

export type SaveUploadResult =
  | { ok: true; path: string; bytes: number }
  | {
      ok: false;
      code: "too_large" | "empty_file" | "aborted" | "write_failed";
      message: string;
      params?: ErrorParams;
    };

export interface SaveUploadStreamOptions {
  stream: Readable | AsyncIterable<Uint8Array>;
  destDir: string;
  maxBytes: number;
  /** Final file name (no directories); generated when omitted so no path comes from user input. */
  fileName?: string;
  onProgress?: (bytes: number) => void;
  signal?: AbortSignal;
}

class LimitExceeded extends Error {}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;

/** Streams an upload to `<destDir>/.<random>.part` and renames only a complete, in-limit file. */
export async function saveUploadStream({
  stream,
  destDir,
  maxBytes,
  fileName,
  onProgress,
  signal,
}: SaveUploadStreamOptions): Promise<SaveUploadResult> {
  if (fileName !== undefined && !SAFE_NAME.test(fileName))
    throw new Error(`unsafe upload file name: ${fileName}`);
  await mkdir(destDir, { recursive: true });
  const id = randomBytes(8).toString("hex");
  const tempPath = path.join(destDir, `.${id}.part`);
  const finalPath = path.join(destDir, fileName ?? `${id}.upload`);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        callback(new LimitExceeded());
        return;
      }
      onProgress?.(bytes);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(stream, counter, createWriteStream(tempPath, { flags: "wx" }), { signal });
  } catch (error) {
    await rm(tempPath, { force: true });
    if (error instanceof LimitExceeded)
      return {
        ok: false,
        code: "too_large",
        message: MEDIA_MESSAGES.too_large(formatByteLimit(maxBytes)),
        params: byteLimitParams(maxBytes),
      };
    if (signal?.aborted || (error as Error).name === "AbortError")
      return { ok: false, code: "aborted", message: "上传已取消。" };
    return { ok: false, code: "write_failed", message: "上传中断，请重试。" };
  }
  if (bytes === 0) {
    await rm(tempPath, { force: true });
    return { ok: false, code: "empty_file", message: MEDIA_MESSAGES.empty_file() };
  }
  await rename(tempPath, finalPath);
  return { ok: true, path: finalPath, bytes };
}
