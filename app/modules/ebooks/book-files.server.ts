/**
 * Where a book's files live under DATA_DIR. Every path is built from ids and hashes, never from
 * user input.
 */
import path from "node:path";
import type { BuildRow, ImageRow } from "./book-rows.server";
import type { ResolveImage } from "./types";

export function ebooksDir(dataDir: string): string {
  return path.join(dataDir, "ebooks");
}

function imageExtension(format: string): string {
  return format === "jpeg" ? "jpg" : "png";
}

export function imageFilePath(
  dataDir: string,
  image: Pick<ImageRow, "pieceId" | "sha256" | "format">,
): string {
  return path.join(
    ebooksDir(dataDir),
    "images",
    String(image.pieceId),
    `${image.sha256}.${imageExtension(image.format)}`,
  );
}

export function buildFilePath(dataDir: string, build: Pick<BuildRow, "pieceId" | "sha256">): string {
  return path.join(ebooksDir(dataDir), "builds", String(build.pieceId), `${build.sha256}.pdf`);
}

/** Maps the image names chapters use to the uploaded files, for the typesetter. */
export function imageResolver(dataDir: string, images: ImageRow[]): ResolveImage {
  const byName = new Map(images.map((i) => [i.name, i]));
  return (name) => {
    const image = byName.get(name);
    return image
      ? { ok: true, path: imageFilePath(dataDir, image) }
      : { ok: false, message: "本书没有这个图片" };
  };
}
