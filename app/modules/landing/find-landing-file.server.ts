import type { Db } from "~/lib/db.server";
import { resolveStored } from "../media/media-store.server";
import { findPublishedPiece, posterImage, publishedRender } from "./published-piece.server";

export type LandingFile = "video" | "cover";

export interface FindLandingFileOptions {
  db: Db;
  dataDir: string;
  slug: string;
  file: LandingFile;
}

/**
 * The file a public page embeds: a published episode's render (video) and its cover frame, or a
 * published poster's image (cover). The path comes from the render or asset row, never from the
 * URL; null for anything else, so an unpublished piece's media stays as unknown as its page.
 */
export function findLandingFile(options: FindLandingFileOptions): { fullPath: string } | null {
  const piece = findPublishedPiece(options.db, options.slug);
  if (!piece) return null;
  const render = publishedRender(options.db, piece);
  if (render)
    return {
      fullPath: resolveStored(
        options.dataDir,
        options.file === "video" ? render.videoPath : render.coverPath,
      ),
    };
  const image = options.file === "cover" ? posterImage(options.db, piece) : null;
  return image ? { fullPath: resolveStored(options.dataDir, image.relPath) } : null;
}
