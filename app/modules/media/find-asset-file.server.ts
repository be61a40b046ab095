import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { resolveStored } from "./media-store.server";

export interface FindAssetFileOptions {
  db: Db;
  dataDir: string;
  assetId: number;
}

/** An uploaded asset's file (clip preview, column logo), by id. */
export function findAssetFile(
  options: FindAssetFileOptions,
): Result<{ fullPath: string; downloadName: string }> {
  const asset = options.db
    .select()
    .from(schema.mediaAssets)
    .where(eq(schema.mediaAssets.id, options.assetId))
    .get();
  if (!asset) return fail(404, "not_found", "素材不存在。", { params: { context: "asset" } });
  return {
    ok: true,
    fullPath: resolveStored(options.dataDir, asset.relPath),
    downloadName: asset.originalName,
  };
}
