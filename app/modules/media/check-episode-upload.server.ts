import type { Db } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { requireEditableEpisode } from "./episode-access.server";
import { mediaPaths } from "./media-store.server";

export interface CheckEpisodeUploadOptions {
  db: Db;
  actor: Actor;
  pieceId: number;
}

/** Checked before the body is read, so a refused upload never touches the disk. */
export function checkEpisodeUpload(options: CheckEpisodeUploadOptions): Result<{ relDir: string }> {
  const loaded = requireEditableEpisode(options.db, options.pieceId, options.actor);
  if (!loaded.ok) return loaded;
  return { ok: true, relDir: mediaPaths.episodeDir(loaded.piece.id) };
}
