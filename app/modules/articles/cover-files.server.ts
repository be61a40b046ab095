/** Where article covers live under DATA_DIR: built from ids and hashes, never from user input. */
import path from "node:path";

export function coverFilePath(
  dataDir: string,
  cover: { pieceId: number; sha256: string; format: string },
): string {
  const ext = cover.format === "jpeg" ? "jpg" : "png";
  return path.join(dataDir, "articles", "covers", String(cover.pieceId), `${cover.sha256}.${ext}`);
}

/** Uploads are written here first and moved into place only once they pass every check. */
export function coverTempDir(dataDir: string): string {
  return path.join(dataDir, "articles", "tmp");
}
