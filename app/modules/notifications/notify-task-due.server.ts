import type { DbOrTx } from "~/lib/db.server";
import { notify } from "./notify.server";

/**
 * A manual channel's slot came due and was handed to its operator (or, without one, to the people
 * who may publish): they are told in the hand-off's transaction.
 */
export function notifyTaskDue(
  tx: DbOrTx,
  options: {
    slot: { id: number; pieceId: number; publishAt: Date };
    channel: { name: string; operatorId: number | null };
    now: Date;
  },
) {
  const { slot, channel } = options;
  return notify({
    db: tx,
    now: options.now,
    event: {
      type: "task_due",
      pieceId: slot.pieceId,
      slotId: slot.id,
      operatorId: channel.operatorId,
      channelName: channel.name,
      publishAt: slot.publishAt,
    },
  });
}
