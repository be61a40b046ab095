import { and, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor } from "../auth/actor";
import type { Publisher } from "../calendar/calendar-types";
import type { AttemptOutcome, SlotAttemptDto } from "./publishing-types";

export type AttemptRow = typeof schema.publishAttempts.$inferSelect;

/** Records one attempt (or a finished event such as a hand-off or a miss) of a slot. */
export function recordAttempt(
  tx: DbOrTx,
  values: {
    slotId: number;
    jobId?: number | null;
    publisher: Publisher | string;
    outcome: AttemptOutcome;
    httpStatus?: number | null;
    detail?: string | null;
    startedAt: Date;
    /** Null only for `started`: the attempt is in flight. */
    finishedAt: Date | null;
  },
): AttemptRow {
  return tx
    .insert(schema.publishAttempts)
    .values({
      slotId: values.slotId,
      jobId: values.jobId ?? null,
      publisher: values.publisher,
      outcome: values.outcome,
      httpStatus: values.httpStatus ?? null,
      detail: values.detail?.slice(0, 1000) ?? null,
      startedAt: values.startedAt,
      finishedAt: values.finishedAt,
    })
    .returning()
    .get();
}

/**
 * The record of a slot the system gave up on: a `failed` attempt and its audit entry, written in
 * the caller's transaction after it has set the slot's status.
 */
export function recordSlotFailed(
  tx: DbOrTx,
  values: {
    slotId: number;
    jobId?: number | null;
    publisher: Publisher | string;
    beforeStatus: string;
    detail: string;
    now: Date;
  },
): void {
  const { slotId, jobId, publisher, beforeStatus, detail, now } = values;
  recordAttempt(tx, { slotId, jobId, publisher, outcome: "failed", detail, startedAt: now, finishedAt: now });
  recordAudit(tx, {
    actor: auditActor(null),
    action: "slot.failed",
    entity: "slot",
    entityId: slotId,
    before: { status: beforeStatus },
    after: { status: "failed", detail },
    at: now,
  });
}

/** Ends every attempt of the slot still `started` (there is at most one) with an outcome. */
export function finishOpenAttempts(
  tx: DbOrTx,
  options: { slotId: number; outcome: AttemptOutcome; detail: string; httpStatus?: number | null; now: Date },
): number {
  return tx
    .update(schema.publishAttempts)
    .set({
      outcome: options.outcome,
      detail: options.detail.slice(0, 1000),
      httpStatus: options.httpStatus ?? null,
      finishedAt: options.now,
    })
    .where(
      and(eq(schema.publishAttempts.slotId, options.slotId), eq(schema.publishAttempts.outcome, "started")),
    )
    .run().changes;
}

export function toAttemptDto(row: AttemptRow): SlotAttemptDto {
  return {
    id: row.id,
    slotId: row.slotId,
    jobId: row.jobId,
    publisher: row.publisher === "webhook" ? "webhook" : "manual",
    outcome: row.outcome as AttemptOutcome,
    httpStatus: row.httpStatus,
    detail: row.detail,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
