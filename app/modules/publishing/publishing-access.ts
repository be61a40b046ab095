import { can, type Role } from "../auth/permissions";

/**
 * Row rule of `publishing.handoff`: the channel's operator does the hand-off; editors and admins
 * (who own the calendar) may do it for anyone.
 */
export function canHandOffSlot(
  actor: { id: number; roles: readonly Role[] },
  channel: { operatorId: number | null },
) {
  if (!can(actor.roles, "publishing.handoff")) return false;
  return can(actor.roles, "calendar.schedule") || channel.operatorId === actor.id;
}

/** Editors and admins see every channel's missed, unconfirmed and failed slots; operators their own. */
export function seesAllPublishing(roles: readonly Role[]): boolean {
  return can(roles, "calendar.schedule");
}
