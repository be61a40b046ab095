import { randomBytes } from "node:crypto";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { and, eq, max } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { parseMultipartFormData, type MultipartPart } from "~/lib/multipart.server";
import type { ErrorParams } from "~/lib/error-codes";
import { fail, type Failure, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { enqueueJob, toJobDto, type JobDto } from "../jobs/queue.server";
import { requireEditableEpisode } from "./episode-access.server";
import { toMediaAssetDto, verifyJobKey, type MediaAssetDto } from "./get-episode.server";
import type { MediaRejectionCode } from "./media-messages";
import { mediaPaths, relativeToData, resolveStored } from "./media-store.server";
import { probeMedia } from "./probe-media.server";
import { saveUploadStream, type SaveUploadResult } from "./save-upload-stream.server";
import { validateMediaFile } from "./validate-media-file.server";

import { COLUMN_ASSET_ROLES, type ColumnAssetRole } from "./page-schemas";

export { COLUMN_ASSET_ROLES, type ColumnAssetRole };

const ORIGINAL_NAME_MAX = 200;

/** Too big → 413, not something we can use → 415, a damaged or odd file → 422. */
const STATUS_BY_CODE: Record<
  MediaRejectionCode | "write_failed" | "aborted" | "missing_file",
  Failure["status"]
> = {
  too_large: 413,
  not_media: 415,
  audio_only: 415,
  unknown_codec: 415,
  empty_file: 422,
  corrupt: 422,
  incomplete_image: 422,
  bad_duration: 422,
  bad_dimensions: 422,
  write_failed: 400,
  aborted: 400,
  missing_file: 400,
};

function refuse(code: keyof typeof STATUS_BY_CODE, message: string, params?: ErrorParams): Failure {
  return fail(STATUS_BY_CODE[code], code, message, { field: "file", params });
}

/** Checked before the body is read, so a refused upload never touches the disk. */
export function checkEpisodeUpload(options: {
  db: Db;
  actor: Actor;
  pieceId: number;
}): Result<{ relDir: string }> {
  const loaded = requireEditableEpisode(options.db, options.pieceId, options.actor);
  if (!loaded.ok) return loaded;
  return { ok: true, relDir: mediaPaths.episodeDir(loaded.piece.id) };
}

export function checkColumnUpload(options: {
  db: Db;
  actor: Actor;
  columnId: number;
}): Result<{ relDir: string }> {
  if (!can(options.actor.roles, "columns.manage"))
    return fail(403, "forbidden", "你的角色不能修改栏目。", { params: { context: "manageColumns" } });
  const column = options.db
    .select({ id: schema.columns.id })
    .from(schema.columns)
    .where(eq(schema.columns.id, options.columnId))
    .get();
  if (!column) return fail(404, "not_found", "栏目不存在。", { params: { context: "column" } });
  return { ok: true, relDir: mediaPaths.columnDir(column.id) };
}

/**
 * Streams one multipart part to disk (a hidden `.part` file, renamed only when complete and within
 * the limit). The route's upload handler hands the part's async iterable straight in.
 */
export function receiveUpload(options: {
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

function extensionFor(formatName: string, isStill: boolean, codec: string | undefined): string {
  if (isStill) return codec === "png" ? ".png" : ".jpg";
  if (/matroska|webm/.test(formatName))
    return formatName.includes("webm") && !formatName.includes("matroska") ? ".webm" : ".mkv";
  if (/mov|mp4/.test(formatName)) return ".mp4";
  if (/mp3/.test(formatName)) return ".mp3";
  if (/wav/.test(formatName)) return ".wav";
  return ".bin";
}

type Probed = {
  kind: "video" | "image" | "audio";
  ext: string;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  sar: number;
  hasAudio: boolean;
};

async function inspectSaved(
  file: string,
  maxBytes: number,
  allowAudioOnly: boolean,
): Promise<{ ok: true; probed: Probed } | Failure> {
  const validated = await validateMediaFile({ path: file, maxBytes });
  if (validated.ok) {
    const p = validated.probe;
    return {
      ok: true,
      probed: {
        kind: p.isStillImage ? "image" : "video",
        ext: extensionFor(p.formatName, p.isStillImage, p.video?.codec),
        durationSeconds: p.durationSeconds,
        width: p.video?.width ?? null,
        height: p.video?.height ?? null,
        sar: p.video?.sar ?? 1,
        hasAudio: p.hasAudio,
      },
    };
  }
  if (validated.code === "audio_only" && allowAudioOnly) {
    const probed = await probeMedia(file);
    if (
      probed.ok &&
      probed.probe.hasAudio &&
      probed.probe.durationSeconds &&
      probed.probe.durationSeconds > 0.1
    ) {
      if (probed.probe.durationSeconds > 30)
        return refuse("bad_duration", "片尾音频不能超过 30 秒。", { context: "outroAudio" });
      const ext = extensionFor(probed.probe.formatName, false, undefined);
      return {
        ok: true,
        probed: {
          kind: "audio",
          ext: ext === ".mp4" ? ".m4a" : ext,
          durationSeconds: probed.probe.durationSeconds,
          width: null,
          height: null,
          sar: 1,
          hasAudio: true,
        },
      };
    }
    return refuse("corrupt", "音频文件无法读取，请重新导出后上传。", { context: "audio" });
  }
  return refuse(validated.code, validated.message, validated.params);
}

function cleanOriginalName(name: string | null | undefined): string {
  // Only shown back to people; never used to build a path.
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f]/g, "").slice(0, ORIGINAL_NAME_MAX) || "未命名素材";
}

export interface AcceptUploadOptions {
  db: Db;
  dataDir: string;
  actor: Actor;
  saved: SaveUploadResult | null;
  originalName: string | null;
  maxBytes: number;
  now: Date;
}

/**
 * Checks a streamed upload with ffprobe and either keeps it (row + background full-decode job) or
 * deletes it. Nothing is left behind by a refusal: no file, no row.
 */
export async function acceptEpisodeUpload(
  options: AcceptUploadOptions & { pieceId: number },
): Promise<Result<{ asset: MediaAssetDto; job: JobDto }>> {
  const { db, dataDir, actor, saved, now } = options;
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
  const finalPath = path.join(
    path.dirname(saved.path),
    `clip-${randomBytes(8).toString("hex")}${probed.ext}`,
  );
  await rename(saved.path, finalPath);
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
          kind: probed.kind,
          originalName: cleanOriginalName(options.originalName),
          relPath: relativeToData(dataDir, finalPath),
          bytes: saved.bytes,
          durationSeconds: probed.durationSeconds,
          width: probed.width,
          height: probed.height,
          sar: probed.sar,
          hasAudio: probed.hasAudio,
          position,
          verifyStatus: "pending",
          uploadedBy: actor.id,
          createdAt: now,
        })
        .returning()
        .get();
      const { job } = enqueueJob(tx, {
        type: "media.verify",
        payload: { assetId: asset.id },
        idempotencyKey: verifyJobKey(asset.id, null),
        actor,
        now,
      });
      const updated = tx
        .update(schema.mediaAssets)
        .set({ verifyJobId: job.id })
        .where(eq(schema.mediaAssets.id, asset.id))
        .returning()
        .get();
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

const ROLE_KINDS: Record<ColumnAssetRole, readonly string[]> = {
  logo: ["image"],
  intro: ["video", "image"],
  outro: ["video", "image"],
  outro_audio: ["audio"],
};
/** `errors.not_media_<context>`: the same hint per role, translated. */
const ROLE_CONTEXTS: Record<ColumnAssetRole, string> = {
  logo: "logo",
  intro: "intro",
  outro: "outro",
  outro_audio: "outroAudio",
};
const ROLE_MESSAGES: Record<ColumnAssetRole, string> = {
  logo: "台标请上传 PNG 或 JPG 图片。",
  intro: "片头请上传视频或图片。",
  outro: "片尾背景请上传视频或图片。",
  outro_audio: "片尾口号录音请上传音频文件（MP3、M4A、WAV）。",
};

/** A column's brand asset; a new upload replaces the previous one of the same role. */
export async function acceptColumnAsset(
  options: AcceptUploadOptions & { columnId: number; role: string },
): Promise<Result<{ asset: MediaAssetDto }>> {
  const { db, dataDir, actor, saved, now } = options;
  if (!saved) return refuse("missing_file", "请选择要上传的文件。");
  if (!saved.ok) return refuse(saved.code, saved.message, saved.params);
  if (!(COLUMN_ASSET_ROLES as readonly string[]).includes(options.role)) {
    await rm(saved.path, { force: true });
    return fail(400, "bad_role", "未知的素材类型。", "role");
  }
  const role = options.role as ColumnAssetRole;
  const inspected = await inspectSaved(saved.path, options.maxBytes, role === "outro_audio");
  if (!inspected.ok || !ROLE_KINDS[role].includes(inspected.probed.kind)) {
    await rm(saved.path, { force: true });
    return inspected.ok
      ? refuse("not_media", ROLE_MESSAGES[role], { context: ROLE_CONTEXTS[role] })
      : inspected;
  }
  const probed = inspected.probed;
  const finalPath = path.join(
    path.dirname(saved.path),
    `${role}-${randomBytes(8).toString("hex")}${probed.ext}`,
  );
  await rename(saved.path, finalPath);
  const replaced: string[] = [];
  const result = db.transaction((tx) => {
    const previous = tx
      .select()
      .from(schema.mediaAssets)
      .where(and(eq(schema.mediaAssets.columnId, options.columnId), eq(schema.mediaAssets.role, role)))
      .all();
    for (const p of previous) {
      tx.delete(schema.mediaAssets).where(eq(schema.mediaAssets.id, p.id)).run();
      replaced.push(p.relPath);
    }
    // Images and audio were fully read by ffprobe; an intro video gets the same full decode as footage.
    const asset = tx
      .insert(schema.mediaAssets)
      .values({
        columnId: options.columnId,
        role,
        kind: probed.kind,
        originalName: cleanOriginalName(options.originalName),
        relPath: relativeToData(dataDir, finalPath),
        bytes: saved.bytes,
        durationSeconds: probed.durationSeconds,
        width: probed.width,
        height: probed.height,
        sar: probed.sar,
        hasAudio: probed.hasAudio,
        verifyStatus: probed.kind === "video" ? "pending" : "verified",
        uploadedBy: actor.id,
        createdAt: now,
      })
      .returning()
      .get();
    if (probed.kind === "video") {
      const { job } = enqueueJob(tx, {
        type: "media.verify",
        payload: { assetId: asset.id },
        idempotencyKey: verifyJobKey(asset.id, null),
        actor,
        now,
      });
      tx.update(schema.mediaAssets)
        .set({ verifyJobId: job.id })
        .where(eq(schema.mediaAssets.id, asset.id))
        .run();
    }
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "column.asset.upload",
      entity: "column",
      entityId: options.columnId,
      before: previous.length ? { assetIds: previous.map((p) => p.id) } : undefined,
      after: { assetId: asset.id, role, name: asset.originalName },
      at: now,
    });
    return { ok: true as const, asset: toMediaAssetDto(asset) };
  });
  for (const rel of replaced) await rm(resolveStored(dataDir, rel), { force: true });
  return result;
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
  options: { dataDir: string; relDir: string; maxBytes: number },
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
