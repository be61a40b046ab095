import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomically } from "~/lib/atomic-file.server";
import { resolveStored } from "../media/media-store.server";

/**
 * Where poster files live under DATA_DIR. Every name is generated (ids and content hashes), never
 * taken from an upload; rows store these relative paths.
 */
export const posterPaths = {
  logo: (sha256: string) => path.join("posters", "kit", `logo-${sha256}.png`),
  photo: (pieceId: number, sha256: string, format: "png" | "jpeg") =>
    path.join("posters", String(pieceId), `photo-${sha256}.${format === "png" ? "png" : "jpg"}`),
  image: (pieceId: number, sha256: string, format: "png" | "jpeg") =>
    path.join("posters", String(pieceId), `image-${sha256}.${format === "png" ? "png" : "jpg"}`),
  variant: (pieceId: number, renderId: number, key: string) =>
    path.join("posters", String(pieceId), `r${renderId}`, `${key}.png`),
};

/**
 * Writes bytes to a stored path beside it and renames, so a half-written file is never visible
 * and a re-run (a resumed job) simply replaces it. Content-addressed files already there are kept.
 */
export async function storePosterFile(dataDir: string, relPath: string, bytes: Uint8Array): Promise<void> {
  const target = resolveStored(dataDir, relPath);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFileAtomically(target, bytes);
}

export async function readPosterFile(dataDir: string, relPath: string | null): Promise<Uint8Array | null> {
  if (!relPath) return null;
  const full = resolveStored(dataDir, relPath);
  if (!existsSync(full)) return null;
  return new Uint8Array(await readFile(full));
}
