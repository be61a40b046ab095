import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { auditSlot } from "./audit-slot.server";
import { MOVABLE_SLOT_STATUSES, type SlotStatus } from "./calendar-types";
import { followSlots, refusable, scheduledSlot } from "./slot-guards.server";

/**
 * Takes a slot off the calendar. Only a slot nothing has happened to yet: one handed to a
 * publisher, or with attempts on record, stays (its history is kept; move it instead). A
 * scheduled piece whose last slot goes returns to "approved" through the status machine.
 */
export function deleteSlot(options: {
  db: Db;
  actor: Actor;
  now: Date;
  slotId: number;
  /** When given, a slot changed since (a newer version) is not deleted. */
  version?: number;
}): Result {
  const { db, actor, now } = options;
  const found = scheduledSlot(db, actor, options.slotId, options.version);
  if (!found.ok) return found;
  const { before } = found;
  if (!MOVABLE_SLOT_STATUSES.includes(before.status as SlotStatus))
    return fail(409, "slot_locked", "这个发布位已进入发布流程或已发布，不能再修改或删除。", {
      params: { status: before.status },
    });
  const done = refusable(db, (tx) => {
    // Read inside the transaction: the dispatcher may have just made its first attempt.
    const attempt = tx
      .select({ id: schema.publishAttempts.id })
      .from(schema.publishAttempts)
      .where(eq(schema.publishAttempts.slotId, before.id))
      .limit(1)
      .get();
    if (attempt)
      return fail(409, "slot_has_attempts", "这个发布位已有发布记录，不能删除；可以改到新的时间重新发布。");
    const removed = tx
      .delete(schema.slots)
      .where(and(eq(schema.slots.id, before.id), eq(schema.slots.version, before.version)))
      .run().changes;
    if (removed !== 1)
      return fail(409, "stale", "这个发布位刚被他人修改，请刷新后再改。", {
        params: { context: "slotRace" },
      });
    auditSlot(tx, actor, "slot.delete", before.id, now, {
      before: {
        pieceId: before.pieceId,
        channelId: before.channelId,
        publishAt: before.publishAt.toISOString(),
        caption: before.caption,
        status: before.status,
        version: before.version,
      },
    });
    followSlots({ db, tx, actor, pieceId: before.pieceId, now });
    return { ok: true as const };
  });
  return done;
}
