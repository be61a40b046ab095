import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { auditSlot } from "../calendar/audit-slot.server";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import type { SlotStatus } from "../calendar/calendar-types";
import { enqueuePublishJob } from "./publish-job.server";
import { RESENDABLE_SLOT_STATUSES, type ResendResultDto } from "./publishing-types";
import { slotStatusLabel } from "./slot-status-label";
import { loadSlot } from "./slot-rows.server";

/**
 * An editor's decision to send a slot again: only an unconfirmed one (the editor checked that the
 * first request did not arrive) or a failed one. The slot is queued with a new publish job; the
 * receiver gets the slot's same idempotency key, so one that did get the first request can refuse
 * the second. Nothing else ever re-sends an unconfirmed slot.
 */
export function resendSlot(options: {
  db: Db;
  actor: Actor;
  slotId: number;
  now: Date;
}): Result<ResendResultDto> {
  const { db, actor, now } = options;
  if (!can(actor.roles, "publishing.resend"))
    return fail(403, "forbidden", "只有编辑可以重新发送。", { params: { context: "resendSlot" } });
  const found = loadSlot(db, options.slotId);
  if (!found) return fail(404, "not_found", "发布位不存在。", { params: { context: "slot" } });
  const { slot } = found;
  const status = slot.status as SlotStatus;
  if (!RESENDABLE_SLOT_STATUSES.includes(status))
    return fail(
      409,
      "slot_not_resendable",
      `只有待确认或失败的发布位可以重新发送（当前是「${slotStatusLabel(status)}」）。`,
      { params: { status, statusLabel: slotStatusLabel(status) } },
    );

  return db.transaction(
    (tx) => {
      const version = slot.version + 1;
      const changed = tx
        .update(schema.slots)
        .set({ status: "queued", heldReason: null, version, updatedAt: now })
        .where(
          and(
            eq(schema.slots.id, slot.id),
            eq(schema.slots.status, slot.status),
            eq(schema.slots.version, slot.version),
          ),
        )
        .run().changes;
      if (changed !== 1)
        return fail(409, "stale", "这个发布位刚被他人修改，请刷新后再改。", {
          params: { context: "slotRace" },
        });
      const { job } = enqueuePublishJob(tx, {
        slotId: slot.id,
        slotVersion: version,
        resend: true,
        actor,
        now,
      });
      auditSlot(tx, actor, "slot.resend", slot.id, now, {
        before: { status: slot.status },
        after: { status: "queued", jobId: job.id },
      });
      return { ok: true as const, slotId: slot.id, status: "queued" as const, jobId: job.id };
    },
    { behavior: "immediate" },
  );
}
