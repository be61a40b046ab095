import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { fail, type Failure } from "~/lib/result";
import { cardSeconds } from "./episode-script";
import { loadEpisode, type ColumnRow } from "./episode-access.server";
import { listEpisodeClips, listScriptLines, type MediaAssetRow } from "./episode-rows.server";
import { readShortScriptFit } from "./episode-settings.server";
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

/** The column's brand without its files: what a render's hash covers of the column. */
function columnBrand(column: ColumnRow) {
  const cards = cardSeconds(column.durationSeconds);
  return {
    name: column.name,
    durationSeconds: column.durationSeconds,
    outroLine: column.outroLine,
    introCardSeconds: cards.intro,
    outroSeconds: cards.outro,
    colors: { background: column.primaryColor, accent: column.accentColor, text: column.textColor },
  };
}

function columnAssets(db: DbOrTx, columnId: number) {
  return {
    intro: columnAsset(db, columnId, "intro"),
    outroAudio: columnAsset(db, columnId, "outro_audio"),
    logo: columnAsset(db, columnId, "logo"),
    outro: columnAsset(db, columnId, "outro"),
  };
}

export function columnSpecOf(
  db: DbOrTx,
  dataDir: string,
  column: ColumnRow,
): ColumnSpec & { assetIds: number[] } {
  const { intro, outroAudio, logo, outro } = columnAssets(db, column.id);
  const cards = cardSeconds(column.durationSeconds);
  return {
    ...columnBrand(column),
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
  const episode = episodeSpec(db, piece);
  const clips = verified.map((a) => toClipSource(dataDir, a));
  const planned = planRender({ column: columnSpec, episode, clips });
  if (!planned.ok) return fail(422, planned.code, planned.message, { params: planned.params });
  const inputHash = hashRenderInput({
    episode,
    clipIds: verified.map((a) => a.id),
    assetIds,
    column,
    cover: options.coverAtSecond ?? null,
  });
  return { ok: true, column: columnSpec, episode, clips, skippedClips, inputHash };
}

function episodeSpec(db: DbOrTx, piece: { id: number; title: string }): EpisodeSpec {
  const lines = listScriptLines(db, piece.id);
  const fit = readShortScriptFit(db, piece.id);
  return {
    title: piece.title,
    script: lines.map((l) => ({ text: l.caption || l.voiceover, seconds: l.seconds })),
    // Named only when it departs from the default, so renders made before the choice existed keep their hash.
    ...(fit === "shorten" ? { fit } : {}),
  };
}

function hashRenderInput(input: {
  episode: EpisodeSpec;
  clipIds: number[];
  assetIds: number[];
  column: ColumnRow;
  cover: number | null;
}): string {
  return createHash("sha256")
    .update(
      JSON.stringify({
        episode: input.episode,
        clips: input.clipIds,
        assetIds: input.assetIds,
        column: {
          ...columnBrand(input.column),
          introClip: null,
          outroAudioPath: null,
          logoPath: null,
          outroBackground: null,
        },
        cover: input.cover,
      }),
    )
    .digest("hex")
    .slice(0, 24);
}

/**
 * The hash a render of this episode would get now, for a given cover frame: a finished render
 * whose hash differs was made from an older script, footage or brand and is out of date (as an
 * e-book build is against its book's content hash). Null when the episode cannot be read.
 */
export function currentRenderHasher(db: DbOrTx, pieceId: number): ((cover: number | null) => string) | null {
  const loaded = loadEpisode(db, pieceId);
  if (!loaded.ok) return null;
  const { piece, column } = loaded;
  const episode = episodeSpec(db, piece);
  const clipIds = listEpisodeClips(db, pieceId)
    .filter((a) => a.verifyStatus === "verified")
    .map((a) => a.id);
  const assets = columnAssets(db, column.id);
  const assetIds = [assets.intro?.id, assets.outroAudio?.id, assets.logo?.id, assets.outro?.id].filter(
    (id): id is number => id !== undefined,
  );
  return (cover) => hashRenderInput({ episode, clipIds, assetIds, column, cover });
}
