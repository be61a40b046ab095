import { asc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { toAttemptDto } from "./attempt-rows.server";
import type { SlotAttemptDto } from "./publishing-types";

/** Every attempt of a slot, oldest first: what the slot drawer lists. */
export function listSlotAttempts(options: { db: DbOrTx; slotId: number }): SlotAttemptDto[] {
  return options.db
    .select()
    .from(schema.publishAttempts)
    .where(eq(schema.publishAttempts.slotId, options.slotId))
    .orderBy(asc(schema.publishAttempts.startedAt), asc(schema.publishAttempts.id))
    .all()
    .map(toAttemptDto);
}
