import { and, asc, eq, gt, lte } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { auditSlot } from "../calendar/audit-slot.server";
import { recordSlotMissed } from "./attempt-rows.server";
import { enqueuePublishJob } from "./publish-job.server";
import { graceEnds } from "./slot-rows.server";

/**
 * Hands every planned slot whose time has come to the queue: one publish job per slot and
 * dispatch (its key names the slot's new version, so two ticks queue one job). A slot whose time
 * passed longer ago than its channel's grace period (the server was down) is not sent late: it
 * becomes `missed` for the editor. Runs in one IMMEDIATE transaction with its audit entries.
 */
export function dispatchDueSlots(options: { db: Db; now: Date; limit?: number }): {
  queued: number[];
  missed: number[];
} {
  const { db, now } = options;
  return db.transaction(
    (tx) => {
      const due = tx
        .select({ slot: schema.slots, channel: schema.channels })
        .from(schema.slots)
        .innerJoin(schema.channels, eq(schema.channels.id, schema.slots.channelId))
        .where(and(eq(schema.slots.status, "planned"), lte(schema.slots.publishAt, now)))
        .orderBy(asc(schema.slots.publishAt), asc(schema.slots.id))
        .limit(options.limit ?? 500)
        .all();
      const queued: number[] = [];
      const missed: number[] = [];
      for (const { slot, channel } of due) {
        const late = now > graceEnds(slot, channel);
        const version = slot.version + 1;
        const changed = tx
          .update(schema.slots)
          .set({ status: late ? "missed" : "queued", version, updatedAt: now })
          .where(
            and(
              eq(schema.slots.id, slot.id),
              eq(schema.slots.status, "planned"),
              eq(schema.slots.version, slot.version),
            ),
          )
          .run().changes;
        if (changed !== 1) continue;
        if (late) {
          recordSlotMissed(tx, {
            slotId: slot.id,
            publisher: channel.publisher,
            detail: `发布时间已过 ${channel.graceMinutes} 分钟的宽限期（服务当时未运行），没有补发。`,
            before: { status: "planned" },
            now,
          });
          missed.push(slot.id);
          continue;
        }
        const { job } = enqueuePublishJob(tx, { slotId: slot.id, slotVersion: version, actor: null, now });
        auditSlot(tx, null, "slot.dispatch", slot.id, now, {
          before: { status: "planned" },
          after: { status: "queued", jobId: job.id },
        });
        queued.push(slot.id);
      }
      return { queued, missed };
    },
    { behavior: "immediate" },
  );
}

/** The time of the next planned slot after `now`, or null: when the tick should wake next. */
export function nextDueSlotAt(options: { db: Db; now: Date }): Date | null {
  const next = options.db
    .select({ at: schema.slots.publishAt })
    .from(schema.slots)
    .where(and(eq(schema.slots.status, "planned"), gt(schema.slots.publishAt, options.now)))
    .orderBy(asc(schema.slots.publishAt))
    .limit(1)
    .get();
  return next?.at ?? null;
}
