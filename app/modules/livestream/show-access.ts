import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";

/** Row-level rule: producers and reviewers edit any open show, copywriters their own. */
export function canEditShow(piece: { ownerId: number; status: string }, actor: Actor): boolean {
  if (!can(actor.roles, "livestream.edit")) return false;
  if (piece.status === "published" || piece.status === "archived") return false;
  if (can(actor.roles, "pieces.review") || can(actor.roles, "livestream.control")) return true;
  return piece.ownerId === actor.id;
}
