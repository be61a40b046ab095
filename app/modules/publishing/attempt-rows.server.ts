import { and, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { auditSlot } from "../calendar/audit-slot.server";
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

type SlotEnd = {
  slotId: number;
  jobId?: number | null;
  publisher: Publisher | string;
  detail: string;
  now: Date;
};

/** One finished attempt and the audit entry of the status the slot ended in, by the system. */
function recordSlotEnd(
  tx: DbOrTx,
  outcome: "failed" | "missed",
  { slotId, jobId, publisher, detail, now }: SlotEnd,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): void {
  recordAttempt(tx, { slotId, jobId, publisher, outcome, detail, startedAt: now, finishedAt: now });
  auditSlot(tx, null, `slot.${outcome}`, slotId, now, { before, after });
}

/**
 * The record of a slot the system gave up on: a `failed` attempt and its audit entry, written in
 * the caller's transaction after it has set the slot's status.
 */
export function recordSlotFailed(tx: DbOrTx, values: SlotEnd & { beforeStatus: string }): void {
  recordSlotEnd(
    tx,
    "failed",
    values,
    { status: values.beforeStatus },
    { status: "failed", detail: values.detail },
  );
}

/**
 * The record of a slot that was not sent in its grace period: a `missed` attempt and its audit
 * entry (`before` as the caller saw the slot), written after the caller has set the status.
 */
export function recordSlotMissed(tx: DbOrTx, values: SlotEnd & { before: Record<string, unknown> }): void {
  recordSlotEnd(tx, "missed", values, values.before, { status: "missed" });
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
