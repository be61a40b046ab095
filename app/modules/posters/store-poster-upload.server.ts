import { createHash } from "node:crypto";
import type { Result } from "~/lib/result";
import { checkPosterImage } from "./check-poster-image.server";
import { storePosterFile } from "./poster-files.server";
import type { PosterImageRole } from "./schemas";

type ImageFormat = "png" | "jpeg";

/**
 * What every poster upload (a model photo, a finished image, the kit's logo) does before its
 * transaction: the bytes checked for their role and, only when they pass, stored under their
 * content hash at `relPathOf(sha256, format)`. A refusal writes nothing.
 */
export async function storePosterUpload(
  options: { dataDir: string; bytes: Buffer },
  role: PosterImageRole,
  relPathOf: (sha256: string, format: ImageFormat) => string,
): Promise<Result<{ sha256: string; relPath: string; format: ImageFormat; width: number; height: number }>> {
  const { dataDir, bytes } = options;
  const checked = checkPosterImage(bytes, role);
  if (!checked.ok) return checked;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const relPath = relPathOf(sha256, checked.format);
  await storePosterFile(dataDir, relPath, bytes);
  return { ...checked, sha256, relPath };
}
