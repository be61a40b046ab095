import { eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor } from "../auth/actor";
import type { PieceUploadOptions } from "../pieces/piece-upload";
import { editablePoster } from "./find-poster.server";
import { posterPaths } from "./poster-files.server";
import { storePosterUpload } from "./store-poster-upload.server";

/**
 * Sets a poster's model photo. Access and the bytes are checked before anything is written, so a
 * refused upload leaves no file and no row behind.
 */
export async function uploadPosterPhoto(options: PieceUploadOptions): Promise<Result<{ version: number }>> {
  const { db, actor, pieceId, bytes, now } = options;
  const access = editablePoster(db, pieceId, actor);
  if (!access.ok) return access;
  const checked = await storePosterUpload(options, "photo", (sha256, format) =>
    posterPaths.photo(pieceId, sha256, format),
  );
  if (!checked.ok) return checked;
  const { sha256 } = checked;
  return db.transaction((tx) => {
    const again = editablePoster(tx, pieceId, actor);
    if (!again.ok) return again;
    const version = again.poster.version + 1;
    const photo = {
      photoSha256: sha256,
      photoFormat: checked.format,
      photoWidth: checked.width,
      photoHeight: checked.height,
      photoBytes: bytes.length,
    };
    tx.update(schema.posters)
      .set({ ...photo, version, updatedAt: now })
      .where(eq(schema.posters.pieceId, pieceId))
      .run();
    tx.update(schema.pieces).set({ updatedAt: now }).where(eq(schema.pieces.id, pieceId)).run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "poster.photo.upload",
      entity: "piece",
      entityId: pieceId,
      before: { photoSha256: again.poster.photoSha256 },
      after: photo,
      at: now,
    });
    return { ok: true as const, version };
  });
}
