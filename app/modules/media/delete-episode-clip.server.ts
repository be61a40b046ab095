import type { Db } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { deleteOwnedAsset } from "./delete-owned-asset.server";
import { requireEditableEpisode } from "./episode-access.server";

export interface DeleteEpisodeClipOptions {
  db: Db;
  dataDir: string;
  actor: Actor;
  pieceId: number;
  assetId: number;
  now: Date;
}

/** Deletes a clip: the row and audit entry in one transaction, then the file. */
export async function deleteEpisodeClip(options: DeleteEpisodeClipOptions): Promise<Result> {
  const { pieceId, ...rest } = options;
  const loaded = requireEditableEpisode(options.db, pieceId, options.actor);
  if (!loaded.ok) return loaded;
  return deleteOwnedAsset({
    ...rest,
    owner: { pieceId },
    audit: (asset) => ({
      action: "episode.media.delete",
      entity: "piece",
      entityId: pieceId,
      before: { assetId: asset.id, name: asset.originalName, bytes: asset.bytes },
    }),
  });
}
