import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { auditSlot } from "./audit-slot.server";
import { can } from "../auth/permissions";
import { captionRefusal } from "../compliance/review/review-gates.server";
import type { PublicBase } from "../ebooks/public-url.server";
import { checkTransitionGates } from "../pieces/transition-gates.server";
import type { SlotDto } from "./calendar-types";
import { findChannelByKey, loadSlot } from "./calendar-rows.server";
import type { CreateSlotInput } from "./schemas";
import { checkSlot, followSlots, isSchedulable, pieceNotSchedulable, refusable } from "./slot-guards.server";

export interface CreateSlotOptions {
  db: Db;
  actor: Actor;
  now: Date;
  timeZone: string;
  input: CreateSlotInput;
  /** Where tracked links point (the request's origin when PUBLIC_BASE_URL is unset). */
  publicBase?: PublicBase;
}

/**
 * Puts an approved (or already scheduled) piece on a channel at a time, unless a gate holds the
 * piece from going out or the caption has a forbidden wording. The piece's first slot
 * moves it to "scheduled" through the status machine, in the same transaction as the slot and
 * its audit row: either all of it happens or none of it.
 */
export function createSlot(options: CreateSlotOptions): Result<{ slot: SlotDto }> {
  const { db, actor, now, timeZone, input } = options;
  if (!can(actor.roles, "calendar.schedule"))
    return fail(403, "forbidden", "你的角色不能排期。", { params: { context: "schedule" } });
  const channel = findChannelByKey(db, input.channel);
  if (!channel) return fail(400, "unknown_channel", "所选渠道不存在。", "channel");
  const piece = db.select().from(schema.pieces).where(eq(schema.pieces.id, input.pieceId)).get();
  if (!piece)
    return fail(404, "not_found", "内容不存在。", { field: "pieceId", params: { context: "piece" } });
  if (!isSchedulable(piece.status)) return pieceNotSchedulable(piece.status);
  const refused = checkSlot({
    channel,
    pieceKind: piece.kind,
    publishAt: input.publishAt,
    caption: input.caption,
    now,
    timeZone,
  });
  if (refused) return refused;
  // What holds a piece from going out (changed after approval, unresolved compliance findings, a
  // missing sign-off) refuses a new slot too, for a piece already scheduled as for an approved one.
  const held = checkTransitionGates({ tx: db, piece, action: "publish" });
  if (held) return { ...held, field: held.field ?? "pieceId" };
  const captionBlocked = captionRefusal(db, input.caption);
  if (captionBlocked) return captionBlocked;

  const done = refusable(db, (tx) => {
    const slot = tx
      .insert(schema.slots)
      .values({
        pieceId: piece.id,
        channelId: channel.id,
        publishAt: input.publishAt,
        caption: input.caption,
        status: "planned",
        idempotencyKey: crypto.randomUUID(),
        version: 1,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: schema.slots.id })
      .get();
    auditSlot(tx, actor, "slot.create", slot.id, now, {
      after: {
        pieceId: piece.id,
        channel: channel.key,
        publishAt: input.publishAt.toISOString(),
        caption: input.caption,
      },
    });
    followSlots({ db, tx, actor, pieceId: piece.id, now });
    return { ok: true as const, slotId: slot.id };
  });
  if (!done.ok) return done;
  return { ok: true, slot: loadSlot(db, done.slotId, options.publicBase)! };
}
