import { rm } from "node:fs/promises";
import type { Readable } from "node:stream";
import { parseMultipartFormData, type MultipartPart } from "~/lib/multipart.server";
import { resolveStored } from "./media-store.server";
import { saveUploadStream, type SaveUploadResult } from "./save-upload-stream.server";

export interface ReceiveMultipartUploadOptions {
  dataDir: string;
  /** Where the file goes under DATA_DIR, from checkEpisodeUpload or checkColumnUpload. */
  relDir: string;
  maxBytes: number;
}

/**
 * Streams one multipart part to disk (a hidden `.part` file, renamed only when complete and within
 * the limit). The collector below hands it each file part's async iterable.
 */
function receiveUpload(options: {
  stream: Readable | AsyncIterable<Uint8Array>;
  dataDir: string;
  relDir: string;
  maxBytes: number;
  signal?: AbortSignal;
}): Promise<SaveUploadResult> {
  return saveUploadStream({
    stream: options.stream,
    destDir: resolveStored(options.dataDir, options.relDir),
    maxBytes: options.maxBytes,
    signal: options.signal,
  });
}

const TEXT_FIELD_MAX = 1000;

/**
 * An upload handler for `parseMultipartFormData` that streams the `file` part to disk (never
 * buffering it) and keeps short text fields. The route reads `state` afterwards.
 */
function createUploadCollector(options: {
  dataDir: string;
  relDir: string;
  maxBytes: number;
  signal?: AbortSignal;
}) {
  const state: { saved: SaveUploadResult | null; originalName: string | null } = {
    saved: null,
    originalName: null,
  };
  const handler = async (part: MultipartPart): Promise<string | undefined> => {
    if (part.filename === undefined) {
      let text = "";
      const decoder = new TextDecoder();
      for await (const chunk of part.data)
        if (text.length <= TEXT_FIELD_MAX) text += decoder.decode(chunk, { stream: true });
      return text.slice(0, TEXT_FIELD_MAX);
    }
    if (part.name !== "file" || state.saved) {
      // Extra files are read past, not kept.
      for await (const _chunk of part.data) void _chunk;
      return undefined;
    }
    state.originalName = part.filename;
    state.saved = await receiveUpload({
      stream: part.data,
      dataDir: options.dataDir,
      relDir: options.relDir,
      maxBytes: options.maxBytes,
      signal: options.signal,
    });
    return state.saved.ok ? "received" : "refused";
  };
  return { state, handler };
}

/**
 * Reads a multipart upload request: the `file` part streamed to disk, short text fields kept. A
 * body that turns out malformed after the file was written (answered 400) leaves no file behind.
 */
export async function receiveMultipartUpload(
  request: Request,
  options: ReceiveMultipartUploadOptions,
): Promise<{ saved: SaveUploadResult | null; originalName: string | null; form: FormData }> {
  const collector = createUploadCollector({ ...options, signal: request.signal });
  try {
    const form = await parseMultipartFormData(request, collector.handler);
    return { ...collector.state, form };
  } catch (error) {
    const saved = collector.state.saved;
    if (saved?.ok) await rm(saved.path, { force: true });
    throw error;
  }
}
