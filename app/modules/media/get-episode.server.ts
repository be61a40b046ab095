import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import type { Actor } from "../auth/actor";
import { canEditEpisode, canRenderEpisode, loadEpisode } from "./episode-access.server";
import {
  latestRenderJob,
  listEpisodeClips,
  listRenderVersions,
  listScriptLines,
  toMediaAssetDto,
  toRenderVersionDto,
} from "./episode-rows.server";
import { readShortScriptFit } from "./episode-settings.server";
import { currentRenderHasher } from "./render-input.server";

export interface GetEpisodeOptions {
  db: Db;
  pieceId: number;
  actor: Actor;
}

/** Everything the episode page and GET /api/v1/episodes/{id} show. */
export function getEpisode(options: GetEpisodeOptions) {
  const { db, pieceId, actor } = options;
  const loaded = loadEpisode(db, pieceId);
  if (!loaded.ok) return loaded;
  const { piece, column } = loaded;
  const currentHash = currentRenderHasher(db, pieceId);
  const owner = db
    .select({ name: schema.users.name })
    .from(schema.users)
    .where(eq(schema.users.id, piece.ownerId))
    .get();
  return {
    ok: true as const,
    episode: {
      id: piece.id,
      title: piece.title,
      status: piece.status,
      version: piece.version,
      ownerId: piece.ownerId,
      ownerName: owner?.name ?? null,
      mixCategory: piece.mixCategory,
      updatedAt: piece.updatedAt.toISOString(),
      shortScriptFit: readShortScriptFit(db, pieceId),
    },
    column: {
      id: column.id,
      name: column.name,
      durationSeconds: column.durationSeconds,
      outroLine: column.outroLine,
      readingSpeedCps: column.readingSpeedCps,
      episodeTarget: column.episodeTarget,
    },
    lines: listScriptLines(db, pieceId),
    clips: listEpisodeClips(db, pieceId).map(toMediaAssetDto),
    versions: listRenderVersions(db, pieceId).map((row) => toRenderVersionDto(row, currentHash)),
    renderJob: latestRenderJob(db, pieceId),
    canEdit: canEditEpisode(piece, actor),
    canRender: canRenderEpisode(piece, actor),
  };
}
