import { and, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";

export type SlotRow = typeof schema.slots.$inferSelect;
export type ChannelRow = typeof schema.channels.$inferSelect;
export type PieceRow = typeof schema.pieces.$inferSelect;

/** A slot with its channel and piece, or null. */
export function loadSlot(
  tx: DbOrTx,
  slotId: number,
): { slot: SlotRow; channel: ChannelRow; piece: PieceRow } | null {
  const row = tx
    .select({ slot: schema.slots, channel: schema.channels, piece: schema.pieces })
    .from(schema.slots)
    .innerJoin(schema.channels, eq(schema.channels.id, schema.slots.channelId))
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.slots.pieceId))
    .where(eq(schema.slots.id, slotId))
    .get();
  return row ?? null;
}

/** Until this instant the slot may still be published; after it, a task not done is missed. */
export function graceEnds(slot: Pick<SlotRow, "publishAt">, channel: Pick<ChannelRow, "graceMinutes">): Date {
  return new Date(slot.publishAt.getTime() + Math.max(0, channel.graceMinutes) * 60_000);
}

/**
 * Writes `values` to a slot read at `slot.version`, with the next version; false (nothing
 * written) when someone changed the slot since.
 */
export function changeSlot(
  tx: DbOrTx,
  slot: Pick<SlotRow, "id" | "version">,
  values: Partial<Pick<SlotRow, "status" | "heldReason">>,
  now: Date,
): boolean {
  return (
    tx
      .update(schema.slots)
      .set({ ...values, version: slot.version + 1, updatedAt: now })
      .where(and(eq(schema.slots.id, slot.id), eq(schema.slots.version, slot.version)))
      .run().changes === 1
  );
}
