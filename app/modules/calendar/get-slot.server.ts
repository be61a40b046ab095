import type { DbOrTx } from "~/lib/db.server";
import type { PublicBase } from "../ebooks/public-url.server";
import type { SlotDto } from "./calendar-types";
import { loadSlot } from "./calendar-rows.server";

/** One slot with its piece, channel and tracked link, or null. */
export function getSlot(options: { db: DbOrTx; slotId: number; publicBase?: PublicBase }): SlotDto | null {
  return loadSlot(options.db, options.slotId, options.publicBase);
}
