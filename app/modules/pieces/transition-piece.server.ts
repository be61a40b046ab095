import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { notifyTransition } from "../notifications/notify-transition.server";
import { auditActor, type Actor } from "../auth/actor";
import { checkTransition, type TransitionAction } from "./status-machine";
import { checkTransitionGates } from "./transition-gates.server";

export function transitionPiece(options: {
  db: Db;
  actor: Actor;
  pieceId: number;
  action: string;
  note?: string | null;
  scheduledAt?: Date | null;
  now: Date;
}): Result<{ status: string }> {
  const { db, actor, now } = options;
  const piece = db.select().from(schema.pieces).where(eq(schema.pieces.id, options.pieceId)).get();
  if (!piece) return fail(404, "not_found", "内容不存在。", { params: { context: "piece" } });
  const check = checkTransition({ piece, action: options.action, actor, note: options.note });
  if (!check.ok)
    return fail(check.status, check.code, check.message, { field: check.field, params: check.params });
  const action = options.action as TransitionAction;
  if (action === "schedule" && !options.scheduledAt)
    return fail(400, "scheduled_at_required", "排期时请选择发布时间。", "scheduledAt");

  return db.transaction((tx) => {
    const gate = checkTransitionGates({ tx, piece, action, now });
    if (gate) return gate;
    const changed = tx
      .update(schema.pieces)
      .set({
        status: check.to,
        updatedAt: now,
        ...(action === "schedule" ? { scheduledAt: options.scheduledAt } : {}),
        ...(action === "unschedule" ? { scheduledAt: null } : {}),
        ...(action === "publish" ? { publishedAt: now } : {}),
      })
      // Guarding on the status read above makes two concurrent transitions safe.
      .where(and(eq(schema.pieces.id, piece.id), eq(schema.pieces.status, piece.status)))
      .run().changes;
    if (changed !== 1)
      return fail(409, "stale", "状态刚被他人修改，请刷新后再试。", { params: { context: "status" } });
    tx.insert(schema.pieceTransitions)
      .values({
        pieceId: piece.id,
        fromStatus: piece.status,
        toStatus: check.to,
        action,
        note: options.note ?? null,
        actorId: actor.id,
        at: now,
      })
      .run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: `piece.${action}`,
      entity: "piece",
      entityId: piece.id,
      before: { status: piece.status },
      after: { status: check.to, note: options.note ?? undefined },
      at: now,
    });
    notifyTransition({ db: tx, now, pieceId: piece.id, action, actor, note: options.note });
    return { ok: true as const, status: check.to };
  });
}
