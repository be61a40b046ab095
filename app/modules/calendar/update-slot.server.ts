import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { auditSlot } from "./audit-slot.server";
import { captionRefusal } from "../compliance/review/review-gates.server";
import type { PublicBase } from "../ebooks/public-url.server";
import {
  EDITABLE_SLOT_STATUSES,
  MOVABLE_SLOT_STATUSES,
  type SlotDto,
  type SlotStatus,
} from "./calendar-types";
import { loadSlot } from "./calendar-rows.server";
import {
  checkSlot,
  followSlots,
  isSchedulable,
  pieceNotSchedulable,
  refusable,
  scheduledSlot,
} from "./slot-guards.server";

export interface UpdateSlotOptions {
  db: Db;
  actor: Actor;
  now: Date;
  timeZone: string;
  slotId: number;
  /** `version` is the slot's version the change was made from; a newer slot refuses it (409). */
  input: { version: number; publishAt?: Date; caption?: string };
  publicBase?: PublicBase;
}

/**
 * Changes a slot's time, its caption, or both, keeping the calendar's rules: only a slot not yet
 * handed to a publisher (planned), or one to try again (failed, missed), changes; never into the
 * past; only for a piece still approved or scheduled, of a kind the channel takes; a caption
 * within the channel's limits and without a forbidden wording. A failed or missed slot moved to a new time is planned again.
 * The slot keeps its id, so feeds and subscribers see the same event move.
 */
export function updateSlot(options: UpdateSlotOptions): Result<{ slot: SlotDto }> {
  const { db, actor, now, timeZone, input } = options;
  const found = scheduledSlot(db, actor, options.slotId, input.version);
  if (!found.ok) return found;
  const { before } = found;
  const moving = input.publishAt !== undefined && input.publishAt.getTime() !== before.publishAt.getTime();
  const recaptioning = input.caption !== undefined && input.caption !== before.caption;
  const allowed: readonly SlotStatus[] = moving ? MOVABLE_SLOT_STATUSES : EDITABLE_SLOT_STATUSES;
  if (!allowed.includes(before.status as SlotStatus))
    return fail(409, "slot_locked", "这个发布位已进入发布流程或已发布，不能再修改或删除。", {
      field: moving ? "publishAt" : "caption",
      params: { status: before.status },
    });
  if (!moving && !recaptioning) return { ok: true, slot: loadSlot(db, before.id, options.publicBase)! };
  const captionBlocked = recaptioning ? captionRefusal(db, input.caption) : null;
  if (captionBlocked) return captionBlocked;

  const piece = db.select().from(schema.pieces).where(eq(schema.pieces.id, before.pieceId)).get()!;
  if (!isSchedulable(piece.status)) return pieceNotSchedulable(piece.status);
  const channel = db.select().from(schema.channels).where(eq(schema.channels.id, before.channelId)).get()!;
  const refused = checkSlot({
    channel,
    pieceKind: piece.kind,
    publishAt: moving ? input.publishAt : undefined,
    caption: recaptioning ? input.caption : undefined,
    now,
    timeZone,
  });
  if (refused) return refused;

  const version = before.version + 1;
  const changes = {
    ...(moving ? { publishAt: input.publishAt!, status: "planned", heldReason: null } : {}),
    ...(recaptioning ? { caption: input.caption! } : {}),
  };
  const done = refusable(db, (tx) => {
    const changed = tx
      .update(schema.slots)
      .set({ ...changes, version, updatedAt: now })
      .where(and(eq(schema.slots.id, before.id), eq(schema.slots.version, before.version)))
      .run().changes;
    if (changed !== 1)
      return fail(409, "stale", "这个发布位刚被他人修改，请刷新后再改。", {
        field: "version",
        params: { context: "slotRace" },
      });
    auditSlot(tx, actor, moving ? "slot.move" : "slot.caption", before.id, now, {
      before: {
        ...(moving ? { publishAt: before.publishAt.toISOString(), status: before.status } : {}),
        ...(recaptioning ? { caption: before.caption } : {}),
        version: before.version,
      },
      after: {
        ...(moving ? { publishAt: input.publishAt!.toISOString(), status: "planned" } : {}),
        ...(recaptioning ? { caption: input.caption } : {}),
        version,
      },
    });
    if (moving) followSlots({ db, tx, actor, pieceId: before.pieceId, now });
    return { ok: true as const };
  });
  if (!done.ok) return done;
  return { ok: true, slot: loadSlot(db, before.id, options.publicBase)! };
}
