/**
 * What creating, moving and editing a slot have in common: the refusals (a piece that is not
 * approved, a kind the channel does not take, a time in the past, a caption over the channel's
 * limits) and the piece's status following its slots through the one status machine.
 */
import { and, eq, inArray, min } from "drizzle-orm";
import { formatDateTime } from "~/lib/dates";
import { schema, type Db, type DbOrTx } from "~/lib/db.server";
import { fail, type Failure, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { transitionPiece } from "../pieces/transition-piece.server";
import { SCHEDULABLE_PIECE_STATUSES } from "./calendar-types";
import type { ChannelRow } from "./calendar-rows.server";
import { checkCaption, checkKind, checkPublishTime, type SlotProblem } from "./slot-rules";

export function problemFailure(problem: SlotProblem, status: Failure["status"] = 400): Failure {
  return fail(status, problem.code, problem.message, { field: problem.field, params: problem.params });
}

/**
 * The slot a scheduler edits or deletes, read before anything else: the role (calendar.schedule),
 * the slot (404) and, when the caller names the version it saw, that version (409 once the slot
 * has changed since).
 */
export function scheduledSlot(
  db: DbOrTx,
  actor: Actor,
  slotId: number,
  version: number | undefined,
): Result<{ before: typeof schema.slots.$inferSelect }> {
  if (!can(actor.roles, "calendar.schedule"))
    return fail(403, "forbidden", "你的角色不能排期。", { params: { context: "schedule" } });
  const before = db.select().from(schema.slots).where(eq(schema.slots.id, slotId)).get();
  if (!before) return fail(404, "not_found", "发布位不存在。", { params: { context: "slot" } });
  if (version !== undefined && version !== before.version)
    return fail(
      409,
      "stale",
      `这个发布位刚被他人修改（你看到的是第 ${version} 版，当前是第 ${before.version} 版），请刷新后再改。`,
      {
        field: "version",
        params: { context: "slot", yours: version, current: before.version },
      },
    );
  return { ok: true, before };
}

export function pieceNotSchedulable(status: string): Failure {
  return fail(409, "piece_not_schedulable", "只有审核通过的内容才能排期。", {
    field: "pieceId",
    params: { status },
  });
}

export function isSchedulable(status: string): boolean {
  return (SCHEDULABLE_PIECE_STATUSES as readonly string[]).includes(status);
}

/** The checks a slot's time, piece kind and caption must pass on a channel; null when they pass. */
export function checkSlot(options: {
  channel: ChannelRow;
  pieceKind: string;
  publishAt?: Date;
  caption?: string;
  now: Date;
  timeZone: string;
}): Failure | null {
  const { channel, publishAt, caption, now, timeZone } = options;
  const kind = checkKind(options.pieceKind, channel);
  if (kind) return problemFailure(kind);
  if (publishAt) {
    const time = checkPublishTime(publishAt, now, formatDateTime(publishAt, timeZone));
    if (time) return problemFailure(time);
  }
  if (caption !== undefined) {
    const captionProblem = checkCaption(caption, channel);
    if (captionProblem) return problemFailure(captionProblem);
  }
  return null;
}

/** Thrown inside a transaction to undo it and hand a refusal back to the caller. */
export class RefusedInTransaction extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

/** Runs `work` in a transaction; a `RefusedInTransaction` undoes everything and becomes the result. */
export function refusable<T>(
  db: Db,
  work: (tx: Parameters<Parameters<Db["transaction"]>[0]>[0]) => T,
): T | Failure {
  try {
    return db.transaction(work);
  } catch (error) {
    if (error instanceof RefusedInTransaction) return error.failure;
    throw error;
  }
}

/** Slot statuses that still stand for a post going out: they keep a piece "scheduled". */
const PENDING = ["planned", "queued", "publishing"];

/**
 * Keeps the piece's status and `scheduledAt` in step with its slots, inside the caller's
 * transaction: an approved piece with a slot becomes scheduled, a scheduled piece with no slot
 * left goes back to approved. Status changes go through `transitionPiece` (the status machine,
 * its gates and its audit row); better-sqlite3 nests its transaction as a savepoint of ours, so
 * a refusal there is thrown to undo the slot change as well.
 */
export function followSlots(options: { db: Db; tx: DbOrTx; actor: Actor; pieceId: number; now: Date }): void {
  const { db, tx, actor, pieceId, now } = options;
  const piece = tx
    .select({ status: schema.pieces.status, scheduledAt: schema.pieces.scheduledAt })
    .from(schema.pieces)
    .where(eq(schema.pieces.id, pieceId))
    .get();
  if (!piece) return;
  const slots = tx
    .select({ n: schema.slots.id })
    .from(schema.slots)
    .where(eq(schema.slots.pieceId, pieceId))
    .limit(1)
    .all();
  const next = tx
    .select({ at: min(schema.slots.publishAt) })
    .from(schema.slots)
    .where(and(eq(schema.slots.pieceId, pieceId), inArray(schema.slots.status, PENDING)))
    .get()?.at;
  const nextAt = next === null || next === undefined ? null : new Date(next);

  let action: "schedule" | "unschedule" | null = null;
  if (piece.status === "approved" && slots.length > 0) action = "schedule";
  if (piece.status === "scheduled" && slots.length === 0) action = "unschedule";
  if (action) {
    const result = transitionPiece({ db, actor, pieceId, action, scheduledAt: nextAt ?? now, now });
    if (!result.ok) throw new RefusedInTransaction({ ...result, field: result.field ?? "pieceId" });
  }
  if (action !== "unschedule" && (piece.status === "scheduled" || action === "schedule")) {
    const current = piece.scheduledAt?.getTime() ?? null;
    if (nextAt && nextAt.getTime() !== current)
      tx.update(schema.pieces).set({ scheduledAt: nextAt }).where(eq(schema.pieces.id, pieceId)).run();
  }
}
