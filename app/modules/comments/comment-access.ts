import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";

/** Reviewers comment on anything; a piece's owner on their own piece, to answer and resolve. */
export function canComment(actor: Actor, piece: { ownerId: number }): boolean {
  return can(actor.roles, "pieces.review") || piece.ownerId === actor.id;
}
