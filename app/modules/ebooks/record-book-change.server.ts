import type { DbOrTx } from "~/lib/db.server";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { touchPiece } from "./touch-piece.server";
import { voidSignoffs } from "./void-signoffs.server";

/**
 * What every change to a book's content writes after the change itself, in its transaction: the
 * audit entry, the piece touched (an approved book goes back for approval), and, when the printed
 * book changed (`voidReason`), its sign-offs voided. The voided sign-offs' ids.
 */
export function recordBookChange(
  tx: DbOrTx,
  options: {
    pieceId: number;
    actor: Actor;
    now: Date;
    action: string;
    before?: unknown;
    after?: unknown;
    /** Why the sign-off no longer holds; none when nothing printed changed. */
    voidReason?: string;
  },
): number[] {
  const { pieceId, actor, now, voidReason } = options;
  recordAudit(tx, {
    actor: auditActor(actor),
    action: options.action,
    entity: "piece",
    entityId: pieceId,
    before: options.before,
    after: options.after,
    at: now,
  });
  touchPiece(tx, { pieceId, actor, now });
  return voidReason === undefined ? [] : voidSignoffs(tx, { pieceId, reason: voidReason, actor, now });
}
