import type { Db } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { posterPaths } from "./poster-files.server";
import { forbiddenKit, writeBrandKit } from "./save-brand-kit.server";
import { storePosterUpload } from "./store-poster-upload.server";

/**
 * Replaces the kit's logo. The bytes are checked (PNG, complete, under the limits) before anything
 * is written, so a refused upload leaves no file and no row behind.
 */
export async function uploadBrandLogo(options: {
  db: Db;
  dataDir: string;
  actor: Actor;
  version: number;
  bytes: Buffer;
  now: Date;
}): Promise<Result<{ version: number }>> {
  const { db, actor, bytes, now } = options;
  if (!can(actor.roles, "posters.brandkit")) return forbiddenKit();
  const checked = await storePosterUpload(options, "logo", (sha256) => posterPaths.logo(sha256));
  if (!checked.ok) return checked;
  const { sha256 } = checked;
  return db.transaction((tx) =>
    writeBrandKit(tx, {
      actor,
      version: options.version,
      values: {
        logoSha256: sha256,
        logoWidth: checked.width,
        logoHeight: checked.height,
        logoBytes: bytes.length,
      },
      now,
    }),
  );
}
