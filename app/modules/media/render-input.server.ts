import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { fail, type Failure } from "~/lib/result";
import { cardSeconds } from "./episode-script";
import { loadEpisode, type ColumnRow } from "./episode-access.server";
import { listEpisodeClips, listScriptLines, type MediaAssetRow } from "./episode-rows.server";
import { resolveStored } from "./media-store.server";
import { planRender, type ClipSource, type ColumnSpec, type EpisodeSpec } from "./render-plan";

/** A clip of the episode that a render leaves out, and why (shown with the render's result). */
export interface SkippedClip {
  assetId: number;
  name: string;
  /** Its place in the footage list (1-based), as the footage panel numbers it. */
  position: number;
  verifyStatus: string;
  message: string;
}

export interface RenderInput {
  column: ColumnSpec;
  episode: EpisodeSpec;
  clips: ClipSource[];
  /** Clips not verified (failed, or still being checked): left out of the render, never silently. */
  skippedClips: SkippedClip[];
  /** Identifies the script, clips and brand assets being rendered. */
  inputHash: string;
}

function toClipSource(dataDir: string, asset: MediaAssetRow): ClipSource {
  return {
    id: String(asset.id),
    path: resolveStored(dataDir, asset.relPath),
    kind: asset.kind === "image" ? "image" : "video",
    durationSeconds: asset.durationSeconds,
    width: asset.width ?? 0,
    height: asset.height ?? 0,
    sar: asset.sar,
    hasAudio: asset.hasAudio,
  };
}

function columnAsset(db: DbOrTx, columnId: number, role: string): MediaAssetRow | undefined {
  return db
    .select()
    .from(schema.mediaAssets)
    .where(
      and(
        eq(schema.mediaAssets.columnId, columnId),
        eq(schema.mediaAssets.role, role),
        eq(schema.mediaAssets.verifyStatus, "verified"),
      ),
    )
    .get();
}

export function columnSpecOf(
  db: DbOrTx,
  dataDir: string,
  column: ColumnRow,
): ColumnSpec & { assetIds: number[] } {
  const intro = columnAsset(db, column.id, "intro");
  const outroAudio = columnAsset(db, column.id, "outro_audio");
  const logo = columnAsset(db, column.id, "logo");
  const outro = columnAsset(db, column.id, "outro");
  const cards = cardSeconds(column.durationSeconds);
  return {
    name: column.name,
    durationSeconds: column.durationSeconds,
    outroLine: column.outroLine,
    introCardSeconds: cards.intro,
    outroSeconds: cards.outro,
    colors: { background: column.primaryColor, accent: column.accentColor, text: column.textColor },
    // The intro takes exactly the title card's time, so the script editor's total stays the render's.
    introClip: intro
      ? {
          ...toClipSource(dataDir, intro),
          durationSeconds: intro.kind === "image" ? null : Math.min(intro.durationSeconds ?? 0, cards.intro),
          stillSeconds: cards.intro,
        }
      : null,
    outroAudioPath: outroAudio ? resolveStored(dataDir, outroAudio.relPath) : null,
    logoPath: logo ? resolveStored(dataDir, logo.relPath) : null,
    outroBackground: outro
      ? { path: resolveStored(dataDir, outro.relPath), kind: outro.kind === "image" ? "image" : "video" }
      : null,
    assetIds: [intro?.id, outroAudio?.id, logo?.id, outro?.id].filter((id): id is number => id !== undefined),
  };
}

/**
 * What a render of this episode would use right now: verified clips in order, the script's captions
 * and the column's brand. Refuses early, with the planner's own message, what would fail later.
 */
export function buildRenderInput(options: {
  db: DbOrTx;
  dataDir: string;
  pieceId: number;
  coverAtSecond?: number | null;
}): ({ ok: true } & RenderInput) | Failure {
  const { db, dataDir, pieceId } = options;
  const loaded = loadEpisode(db, pieceId);
  if (!loaded.ok) return loaded;
  const { piece, column } = loaded;
  const assets = listEpisodeClips(db, pieceId);
  const verified = assets.filter((a) => a.verifyStatus === "verified");
  const skippedClips = assets.flatMap((a, i): SkippedClip[] =>
    a.verifyStatus === "verified"
      ? []
      : [
          {
            assetId: a.id,
            name: a.originalName,
            position: i + 1,
            verifyStatus: a.verifyStatus,
            message:
              a.verifyStatus === "pending"
                ? `第 ${i + 1} 段素材「${a.originalName}」还在检测中，没有用于这次合成。`
                : `第 ${i + 1} 段素材「${a.originalName}」未通过检测，没有用于这次合成${a.verifyError ? `：${a.verifyError}` : "。"}`,
          },
        ],
  );
  if (verified.length === 0) {
    return assets.some((a) => a.verifyStatus === "pending")
      ? fail(409, "clips_pending", "素材还在完整性检测中，检测通过后才能合成，请稍候。")
      : fail(409, "no_clips", "还没有可用的素材：请先上传视频或图片，并等待检测通过。");
  }
  const { assetIds, ...columnSpec } = columnSpecOf(db, dataDir, column);
  const lines = listScriptLines(db, pieceId);
  const episode: EpisodeSpec = {
    title: piece.title,
    script: lines.map((l) => ({ text: l.caption || l.voiceover, seconds: l.seconds })),
  };
  const clips = verified.map((a) => toClipSource(dataDir, a));
  const planned = planRender({ column: columnSpec, episode, clips });
  if (!planned.ok) return fail(422, planned.code, planned.message, { params: planned.params });
  const inputHash = createHash("sha256")
    .update(
      JSON.stringify({
        episode,
        clips: verified.map((a) => a.id),
        assetIds,
        column: {
          ...columnSpec,
          introClip: null,
          outroAudioPath: null,
          logoPath: null,
          outroBackground: null,
        },
        cover: options.coverAtSecond ?? null,
      }),
    )
    .digest("hex")
    .slice(0, 24);
  return { ok: true, column: columnSpec, episode, clips, skippedClips, inputHash };
}
