/**
 * The compliance gates of the workflow, registered in `pieces/transition-gates.server.ts`:
 *
 * - submit: checks the text and stores the check, in the transition's transaction;
 * - approve: block findings refuse; review findings need a reviewer's justification for their
 *   exact text; an originality score under the threshold needs an editor's exception;
 * - schedule: the copy may have no block finding and no unjustified review finding (the caption
 *   of the slot being added is judged at its own field, `captionRefusal`);
 * - publish (the status machine, the publisher's send-time hold, a new slot): the same for the
 *   whole current text, copy and the captions that can still go out.
 *
 * The gate writes only when it lets the transition through, after checking that the piece still
 * has the status the transition read, and it is the last gate of the registry: a transition it
 * writes for is one that happens, so a refused transition leaves no check behind.
 */
import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { fail, type Failure } from "~/lib/result";
import type { GateContext } from "../../pieces/transition-gates.server";
import { currentCompiledLibrary } from "../library-cache.server";
import { scanCompiled } from "../scanner/scan";
import { checkPiece } from "./check-piece.server";
import {
  evaluatePiece,
  justifiedSince,
  loadJustifications,
  storeEvaluation,
  type Evaluation,
} from "./evaluate-piece.server";
import {
  belowThreshold,
  distinctPlaces,
  hasOriginalityException,
  percent,
  unjustifiedReviews,
  type JustificationRef,
} from "./resolution";
import type { StoredFinding } from "./review-types";

export function complianceGate(ctx: GateContext): Failure | null {
  switch (ctx.action) {
    case "submit":
      return submitCheck(ctx);
    case "approve":
      return approvalGate(ctx);
    case "schedule":
      return publishRefusal(ctx.tx, ctx.piece.id, "schedule");
    case "publish":
      return publishRefusal(ctx.tx, ctx.piece.id, "publish");
    default:
      return null;
  }
}

/** The piece still has the status the transition read: its guarded update will apply. */
function statusHolds(ctx: GateContext): boolean {
  const row = ctx.tx
    .select({ status: schema.pieces.status })
    .from(schema.pieces)
    .where(eq(schema.pieces.id, ctx.piece.id))
    .get();
  return row?.status === ctx.piece.status;
}

function submitCheck(ctx: GateContext): Failure | null {
  if (!statusHolds(ctx)) return null;
  const done = checkPiece({ db: ctx.tx, pieceId: ctx.piece.id, now: ctx.now ?? new Date() });
  return done.ok ? null : done;
}

function approvalGate(ctx: GateContext): Failure | null {
  const evaluation = evaluatePiece(ctx.tx, ctx.piece.id, { originality: true });
  if (!evaluation) return null;
  const refusal = approvalRefusal(evaluation, loadJustifications(ctx.tx, ctx.piece.id));
  if (refusal || !statusHolds(ctx)) return refusal;
  // Approving resolves the flag: the reviewer approved the text with the findings it has now.
  storeEvaluation(ctx.tx, evaluation, { now: ctx.now ?? new Date(), pieceId: ctx.piece.id, flaggedAt: null });
  return null;
}

/**
 * Why approval would be refused for this evaluation: a block finding, a review finding whose
 * text no justification covers, or originality under the threshold without an exception.
 */
export function approvalRefusal(
  evaluation: Evaluation,
  justifications: readonly JustificationRef[],
): Failure | null {
  const findings = findingsRefusal(evaluation, justifications, "approve");
  if (findings) return findings;
  const originality = evaluation.originality;
  if (
    originality &&
    belowThreshold(originality) &&
    !hasOriginalityException(evaluation.checked.parts[0].hash, justifications)
  ) {
    const score = percent(originality.score ?? 0);
    const threshold = percent(originality.threshold);
    return fail(
      409,
      "originality_too_low",
      `原创度 ${score}% 低于要求的 ${threshold}%，需要编辑写明理由、记录例外后才能审核通过。`,
      { params: { score, threshold } },
    );
  }
  return null;
}

type Stage = "approve" | "schedule" | "publish";

/** Block findings, or review findings without a justification for their text, refuse `stage`. */
function findingsRefusal(
  evaluation: Evaluation,
  justifications: readonly JustificationRef[],
  stage: Stage,
): Failure | null {
  const places = distinctPlaces(evaluation.findings);
  const judged = stage === "schedule" ? places.filter((f) => f.part === 0) : places;
  const approving = stage === "approve";
  // Approval and publishing say the same facts; the publish text (context "publish") says what it holds.
  const refusal = (
    code: "compliance_blocked" | "justification_required",
    found: StoredFinding[],
    text: string,
  ) =>
    fail(409, code, text, {
      params: { count: found.length, term: found[0].match, ...(approving ? {} : { context: "publish" }) },
    });
  const blocks = judged.filter((finding) => finding.severity === "block");
  if (blocks.length > 0) {
    const [count, term] = [blocks.length, blocks[0].match];
    return refusal(
      "compliance_blocked",
      blocks,
      approving
        ? `有 ${count} 处禁用用语（第一处「${term}」），修改后才能审核通过。`
        : `有 ${count} 处禁用用语（第一处「${term}」），修改并重新审核通过后才能排期或发布。`,
    );
  }
  const open = unjustifiedReviews(judged, justifications, justifiedSince(evaluation));
  if (open.length > 0) {
    const [count, term] = [open.length, open[0].match];
    return refusal(
      "justification_required",
      open,
      approving
        ? `有 ${count} 处需说明理由的用语（第一处「${term}」），审核人写明理由后才能审核通过。`
        : `有 ${count} 处需说明理由的用语（第一处「${term}」）还没有审核人针对当前文本写明理由，不能排期或发布。`,
    );
  }
  return null;
}

/**
 * Why the piece's current text may not be scheduled or published, or null. Cheap: the stored
 * check decides when its hash is the current text's under the current library; otherwise the
 * text is scanned again in memory (no originality check, nothing written). A piece that has never
 * been checked (approved before checks existed: seeded or imported) passes, as the
 * changed-after-approval gate lets a piece without an approval on record pass; its first check
 * (a library change's rescan) brings it under this gate.
 */
export function publishRefusal(db: DbOrTx, pieceId: number, stage: "schedule" | "publish"): Failure | null {
  const evaluation = evaluatePiece(db, pieceId, { originality: false });
  if (!evaluation?.stored) return null;
  return findingsRefusal(evaluation, loadJustifications(db, pieceId), stage);
}

/** A slot caption about to be saved: block findings of its own refuse it at its field. */
export function captionRefusal(db: DbOrTx, caption: string | undefined): Failure | null {
  if (!caption?.trim()) return null;
  const blocks = distinctPlaces(scanCompiled(currentCompiledLibrary(db).lib, caption)).filter(
    (f) => f.severity === "block",
  );
  if (blocks.length === 0) return null;
  const params = { count: blocks.length, term: blocks[0].match, context: "caption" };
  return fail(
    400,
    "compliance_blocked",
    `文案有 ${params.count} 处禁用用语（第一处「${params.term}」），请修改后再保存。`,
    { field: "caption", params },
  );
}
