import { readFile } from "node:fs/promises";
import type { Db } from "~/lib/db.server";
import { findArticleRow } from "./article-rows.server";
import { coverFilePath } from "./cover-files.server";

/** The cover's bytes and type, or null when the article has none (or its file is gone). */
export async function getArticleCover(options: {
  db: Db;
  dataDir: string;
  pieceId: number;
}): Promise<{ bytes: Buffer; contentType: string } | null> {
  const row = findArticleRow(options.db, options.pieceId);
  if (!row?.coverSha256 || !row.coverFormat) return null;
  const file = coverFilePath(options.dataDir, {
    pieceId: row.pieceId,
    sha256: row.coverSha256,
    format: row.coverFormat,
  });
  try {
    return {
      bytes: await readFile(file),
      contentType: row.coverFormat === "png" ? "image/png" : "image/jpeg",
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
