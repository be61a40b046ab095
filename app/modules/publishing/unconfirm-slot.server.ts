import { and, eq, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { auditSlot } from "../calendar/audit-slot.server";
import { finishOpenAttempts } from "./attempt-rows.server";
import type { SlotRow } from "./slot-rows.server";

/**
 * A slot left `publishing` by a run that can no longer answer (the process died, the job ended
 * without recording an outcome): the request may or may not have arrived, so the slot becomes
 * `unconfirmed` and its open attempt ends the same way. Nothing re-sends it; an editor decides.
 */
export function markSlotUnconfirmed(
  tx: DbOrTx,
  options: { slot: Pick<SlotRow, "id" | "status">; detail: string; now: Date },
): boolean {
  const { slot, now } = options;
  const changed = tx
    .update(schema.slots)
    .set({ status: "unconfirmed", version: sql`${schema.slots.version} + 1`, updatedAt: now })
    .where(and(eq(schema.slots.id, slot.id), eq(schema.slots.status, "publishing")))
    .run().changes;
  if (changed !== 1) return false;
  finishOpenAttempts(tx, { slotId: slot.id, outcome: "unconfirmed", detail: options.detail, now });
  auditSlot(tx, null, "slot.unconfirmed", slot.id, now, {
    before: { status: "publishing" },
    after: { status: "unconfirmed", detail: options.detail },
  });
  return true;
}
