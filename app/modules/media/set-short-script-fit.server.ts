import { schema, type Db } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { holdApproval } from "../pieces/approval-hold.server";
import { requireEditableEpisode } from "./episode-access.server";
import type { ShortScriptFit } from "./episode-script";
import { readShortScriptFit } from "./episode-settings.server";

/**
 * Chooses what a script shorter than the column does (pad to the column's length, or shorten the
 * video). It changes the render, so, like a script save, it follows the edit rules and takes back
 * an approval (`holdApproval`) in the same transaction as its audit entry. Choosing what is
 * already chosen changes nothing.
 */
export function setShortScriptFit(options: {
  db: Db;
  actor: Actor;
  pieceId: number;
  input: { fit: ShortScriptFit };
  now: Date;
}): Result<{ fit: ShortScriptFit; status: string | null }> {
  const { db, actor, input, now } = options;
  const loaded = requireEditableEpisode(db, options.pieceId, actor);
  if (!loaded.ok) return loaded;
  const { piece } = loaded;
  return db.transaction((tx) => {
    const before = readShortScriptFit(tx, piece.id);
    if (before === input.fit) return { ok: true as const, fit: before, status: null };
    tx.insert(schema.episodeSettings)
      .values({ pieceId: piece.id, shortScriptFit: input.fit, updatedAt: now })
      .onConflictDoUpdate({
        target: schema.episodeSettings.pieceId,
        set: { shortScriptFit: input.fit, updatedAt: now },
      })
      .run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "episode.script.fit",
      entity: "piece",
      entityId: piece.id,
      before: { shortScriptFit: before },
      after: { shortScriptFit: input.fit },
      at: now,
    });
    const status = holdApproval(tx, { pieceId: piece.id, actor, now });
    return { ok: true as const, fit: input.fit, status };
  });
}
