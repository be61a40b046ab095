import type { Db } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import type { PublicBase } from "../ebooks/public-url.server";
import type { SlotDto } from "./calendar-types";
import { updateSlot } from "./update-slot.server";

export interface MoveSlotOptions {
  db: Db;
  actor: Actor;
  now: Date;
  timeZone: string;
  slotId: number;
  publishAt: Date;
  /** The slot's version the move was made from (a drag starts from what the page shows). */
  version: number;
  publicBase?: PublicBase;
}

/**
 * Reschedules a slot (the calendar's drag and drop): the same rules as any slot change — only
 * planned, failed or missed slots, not into the past, a piece still approved or scheduled, a kind
 * the channel takes — and the slot keeps its id, so its feed event moves rather than repeats.
 */
export function moveSlot(options: MoveSlotOptions): Result<{ slot: SlotDto }> {
  const { publishAt, version, ...rest } = options;
  return updateSlot({ ...rest, input: { version, publishAt } });
}
