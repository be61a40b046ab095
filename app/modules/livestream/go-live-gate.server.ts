import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";

/** A show goes live from what reviewers approved: approved, scheduled, or already published. */
const APPROVED_STATUSES: readonly string[] = ["approved", "scheduled", "published"];

/**
 * Whether a show may go live from its script's status. A script that is not approved holds the
 * start unless an editor or admin overrides with a written reason; the caller audits an override
 * in the transaction that starts the show (so a refused start leaves nothing behind).
 */
export function goLiveGate(options: {
  piece: { status: string };
  actor: Actor;
  overrideReason: string | undefined;
}): Result<{ override: { reason: string; status: string } | null }> {
  const { piece, actor, overrideReason } = options;
  if (APPROVED_STATUSES.includes(piece.status)) return { ok: true, override: null };
  if (overrideReason === undefined)
    return fail(
      409,
      "script_not_approved",
      "直播脚本尚未审核通过，不能开播。请先送审；编辑或管理员可以写明理由后强制开播。",
      { params: { status: piece.status } },
    );
  if (!can(actor.roles, "pieces.review"))
    return fail(403, "forbidden", "只有编辑或管理员可以在脚本未审核通过时强制开播。", {
      params: { context: "goLiveOverride" },
    });
  const reason = overrideReason.trim();
  if (!reason) return fail(400, "override_reason_required", "强制开播必须写明理由。", "overrideReason");
  return { ok: true, override: { reason, status: piece.status } };
}
