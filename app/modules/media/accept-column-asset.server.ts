import { rm } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor } from "../auth/actor";
import { toMediaAssetDto } from "./episode-rows.server";
import type { MediaAssetDto } from "./media-dto";
import { resolveStored } from "./media-store.server";
import { COLUMN_ASSET_ROLES, type ColumnAssetRole } from "./page-schemas";
import {
  enqueueVerify,
  inspectSaved,
  keepSaved,
  keptAssetValues,
  refuse,
  type AcceptUploadOptions,
} from "./saved-upload.server";

export interface AcceptColumnAssetOptions extends AcceptUploadOptions {
  columnId: number;
  /** One of COLUMN_ASSET_ROLES; anything else is refused (400 bad_role) and the file deleted. */
  role: string;
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
  options: AcceptColumnAssetOptions,
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
  const finalPath = await keepSaved(saved.path, role, probed.ext);
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
        ...keptAssetValues(options, { probed, finalPath, bytes: saved.bytes }),
        verifyStatus: probed.kind === "video" ? "pending" : "verified",
      })
      .returning()
      .get();
    if (probed.kind === "video") enqueueVerify(tx, { assetId: asset.id, actor, now });
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
