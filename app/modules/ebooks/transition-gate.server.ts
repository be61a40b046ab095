import { fail, type Failure } from "~/lib/result";
import type { GateContext } from "../pieces/transition-gates.server";
import { getSignoffState } from "./get-signoff-state.server";

/** Holds a print handbook without a valid external review sign-off from being published. */
export function ebookSignoffGate(ctx: GateContext): Failure | null {
  if (ctx.piece.kind !== "handbook") return null;
  if (ctx.action !== "publish" && ctx.action !== "schedule") return null;
  const state = getSignoffState({ db: ctx.tx, pieceId: ctx.piece.id });
  if (state.state === "valid") return null;
  const why = state.state === "voided" ? `签字已作废（${state.reason}）` : "还没有登记外部审阅签字";
  return fail(
    409,
    "signoff_required",
    `印刷手册必须有有效的外部审阅签字才能排期或发布：${why}。请在书页生成屏幕版送审并登记签字。`,
    { params: { context: "gate", reason: why } },
  );
}
