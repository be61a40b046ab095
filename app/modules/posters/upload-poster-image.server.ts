import { eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor } from "../auth/actor";
import type { PieceUploadOptions } from "../pieces/piece-upload";
import { editablePoster } from "./find-poster.server";
import { posterPaths } from "./poster-files.server";
import { insertPosterAsset, nextRenderNumber } from "./record-poster-image.server";
import { storePosterUpload } from "./store-poster-upload.server";

/**
 * A designer's finished image instead of a template render: checked like any upload, then kept
 * as the poster's next version and its media. A refused upload leaves nothing behind.
 */
export async function uploadPosterImage(
  options: PieceUploadOptions,
): Promise<Result<{ renderId: number; number: number }>> {
  const { db, actor, pieceId, bytes, now } = options;
  const access = editablePoster(db, pieceId, actor);
  if (!access.ok) return access;
  const checked = await storePosterUpload(options, "finished", (sha256, format) =>
    posterPaths.image(pieceId, sha256, format),
  );
  if (!checked.ok) return checked;
  const { sha256, relPath } = checked;
  return db.transaction((tx) => {
    const again = editablePoster(tx, pieceId, actor);
    if (!again.ok) return again;
    const number = nextRenderNumber(tx, pieceId);
    const size = { width: checked.width, height: checked.height, bytes: bytes.length };
    const assetId = insertPosterAsset(tx, { pieceId, number, relPath, ...size, uploadedBy: actor.id, now });
    const renderId = tx
      .insert(schema.posterRenders)
      .values({
        pieceId,
        number,
        source: "upload",
        assetId,
        ...size,
        sha256,
        requestedBy: actor.id,
        createdAt: now,
        finishedAt: now,
      })
      .returning({ id: schema.posterRenders.id })
      .get().id;
    tx.update(schema.pieces).set({ updatedAt: now }).where(eq(schema.pieces.id, pieceId)).run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "poster.image.upload",
      entity: "piece",
      entityId: pieceId,
      after: { renderId, number, format: checked.format, ...size, sha256 },
      at: now,
    });
    return { ok: true as const, renderId, number };
  });
}
