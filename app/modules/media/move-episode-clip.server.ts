import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { requireEditableEpisode } from "./episode-access.server";
import { listEpisodeClips } from "./episode-rows.server";

export interface MoveEpisodeClipOptions {
  db: Db;
  actor: Actor;
  pieceId: number;
  assetId: number;
  direction: "up" | "down";
  now: Date;
}

/** Moves a clip one place up or down in the episode's playing order. */
export function moveEpisodeClip(options: MoveEpisodeClipOptions): Result {
  const { db, actor, now } = options;
  const loaded = requireEditableEpisode(db, options.pieceId, actor);
  if (!loaded.ok) return loaded;
  return db.transaction((tx) => {
    const clips = listEpisodeClips(tx, options.pieceId);
    const index = clips.findIndex((c) => c.id === options.assetId);
    if (index < 0) return fail(404, "not_found", "素材不存在。", { params: { context: "asset" } });
    const target = options.direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= clips.length) return { ok: true as const };
    const order = clips.map((c) => c.id);
    [order[index], order[target]] = [order[target], order[index]];
    order.forEach((id, position) =>
      tx.update(schema.mediaAssets).set({ position }).where(eq(schema.mediaAssets.id, id)).run(),
    );
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "episode.media.reorder",
      entity: "piece",
      entityId: options.pieceId,
      before: { order: clips.map((c) => c.id) },
      after: { order },
      at: now,
    });
    return { ok: true as const };
  });
}
