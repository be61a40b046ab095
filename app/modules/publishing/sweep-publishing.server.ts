import { and, eq, inArray, like } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { auditSlot } from "../calendar/audit-slot.server";
import { recordSlotFailed, recordSlotMissed } from "./attempt-rows.server";
import { enqueuePublishJob, publishJobKeyPrefix } from "./publish-job.server";
import { publishHoldReason } from "./publish-hold.server";
import { changeSlot, graceEnds } from "./slot-rows.server";
import { markSlotUnconfirmed } from "./unconfirm-slot.server";

export interface SweepResult {
  unconfirmed: number[];
  missed: number[];
  released: number[];
  failed: number[];
}

/**
 * Keeps slots from getting stuck, in one IMMEDIATE transaction:
 * - `publishing` with no live run behind it (the process died mid-request, or the job ended
 *   without an outcome) → `unconfirmed`, never re-sent;
 * - a manual task or a held slot past its grace period → `missed`;
 * - a held slot whose gates now pass → queued again with a new publish job;
 * - a webhook slot `queued` with no publish job left to run (cancelled, or failed unexpectedly)
 *   → `failed`, so an editor sees it and may resend.
 */
export function sweepPublishing(options: {
  db: Db;
  now: Date;
  /** Whether a job's lease holder is dead (worker.server's `workerIsGone`). */
  holderIsGone: (leaseOwner: string | null) => boolean;
}): SweepResult {
  const { db, now } = options;
  return db.transaction(
    (tx) => {
      const result: SweepResult = { unconfirmed: [], missed: [], released: [], failed: [] };

      const publishing = tx
        .select({ slot: schema.slots, job: schema.jobs })
        .from(schema.slots)
        .leftJoin(
          schema.publishAttempts,
          and(
            eq(schema.publishAttempts.slotId, schema.slots.id),
            eq(schema.publishAttempts.outcome, "started"),
          ),
        )
        .leftJoin(schema.jobs, eq(schema.jobs.id, schema.publishAttempts.jobId))
        .where(eq(schema.slots.status, "publishing"))
        .all();
      for (const { slot, job } of publishing) {
        const alive = job?.status === "running" && !options.holderIsGone(job.leaseOwner);
        if (alive) continue;
        if (
          markSlotUnconfirmed(tx, {
            slot,
            detail:
              "发送过程中服务中断，无法确认接收方是否收到；不会自动重发，请核实后标记已发布或重新发送。",
            now,
          })
        )
          result.unconfirmed.push(slot.id);
      }

      const queued = tx
        .select({ slot: schema.slots, channel: schema.channels, piece: schema.pieces })
        .from(schema.slots)
        .innerJoin(schema.channels, eq(schema.channels.id, schema.slots.channelId))
        .innerJoin(schema.pieces, eq(schema.pieces.id, schema.slots.pieceId))
        .where(eq(schema.slots.status, "queued"))
        .all();
      for (const { slot, channel, piece } of queued) {
        const held = slot.heldReason !== null;
        const manual = channel.publisher !== "webhook";
        if ((held || manual) && now > graceEnds(slot, channel)) {
          if (!changeSlot(tx, slot, { status: "missed" }, now)) continue;
          const detail = held
            ? `被拦下直到宽限期（${channel.graceMinutes} 分钟）结束：${slot.heldReason}`
            : `手动发布任务在宽限期（${channel.graceMinutes} 分钟）内没有完成。`;
          recordSlotMissed(tx, {
            slotId: slot.id,
            publisher: channel.publisher,
            detail,
            before: { status: "queued", heldReason: slot.heldReason },
            now,
          });
          result.missed.push(slot.id);
          continue;
        }
        if (held) {
          const reason = publishHoldReason(tx, piece);
          if (reason === slot.heldReason) continue;
          const version = slot.version + 1;
          changeSlot(tx, slot, { heldReason: reason }, now);
          if (reason === null) {
            const { job } = enqueuePublishJob(tx, {
              slotId: slot.id,
              slotVersion: version,
              actor: null,
              now,
            });
            auditSlot(tx, null, "slot.release", slot.id, now, {
              before: { heldReason: slot.heldReason },
              after: { heldReason: null, jobId: job.id },
            });
            result.released.push(slot.id);
          } else {
            auditSlot(tx, null, "slot.hold", slot.id, now, {
              before: { heldReason: slot.heldReason },
              after: { heldReason: reason },
            });
          }
          continue;
        }
        if (manual) continue;
        const pending = tx
          .select({ id: schema.jobs.id })
          .from(schema.jobs)
          .where(
            and(
              like(schema.jobs.idempotencyKey, `${publishJobKeyPrefix(slot.id)}%`),
              inArray(schema.jobs.status, ["queued", "running"]),
            ),
          )
          .get();
        if (pending) continue;
        if (!changeSlot(tx, slot, { status: "failed" }, now)) continue;
        const detail = "发布任务已取消或意外结束，没有发出；可以重新发送。";
        recordSlotFailed(tx, {
          slotId: slot.id,
          publisher: channel.publisher,
          beforeStatus: "queued",
          detail,
          now,
        });
        result.failed.push(slot.id);
      }
      return result;
    },
    { behavior: "immediate" },
  );
}
