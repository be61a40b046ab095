import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { resolveStored } from "./media-store.server";

export const RENDER_FILES = ["video", "cover", "thumbnail"] as const;
export type RenderFile = (typeof RENDER_FILES)[number];

export interface FindRenderFileOptions {
  db: Db;
  dataDir: string;
  renderId: number;
  file: string;
}

/** A render's file, looked up by the version's id: no path ever comes from the request. */
export function findRenderFile(
  options: FindRenderFileOptions,
): Result<{ fullPath: string; downloadName: string }> {
  if (!(RENDER_FILES as readonly string[]).includes(options.file))
    return fail(404, "not_found", "文件不存在。", { params: { context: "file" } });
  const row = options.db
    .select({ render: schema.episodeRenders, title: schema.pieces.title })
    .from(schema.episodeRenders)
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.episodeRenders.pieceId))
    .where(eq(schema.episodeRenders.id, options.renderId))
    .get();
  if (!row) return fail(404, "not_found", "成片版本不存在或已删除。", { params: { context: "renderGone" } });
  const { render } = row;
  const rel =
    options.file === "video"
      ? render.videoPath
      : options.file === "cover"
        ? render.coverPath
        : render.thumbnailPath;
  const ext = options.file === "video" ? "mp4" : "jpg";
  const safeTitle = row.title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "").slice(0, 60);
  return {
    ok: true,
    fullPath: resolveStored(options.dataDir, rel),
    downloadName: `${safeTitle}-v${render.number}${options.file === "video" ? "" : `-${options.file}`}.${ext}`,
  };
}
