import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Failure, type Result } from "~/lib/result";
import { recordAudit } from "../../audit/record-audit.server";
import { auditActor, type Actor } from "../../auth/actor";
import { can } from "../../auth/permissions";
import { evaluatePiece, storeEvaluation, type Evaluation } from "./evaluate-piece.server";
import { WATCHED_PIECE_STATUSES, type JustificationKind } from "./review-types";
import type { JustificationInput } from "./schemas";

/** What one kind of justification covers in an evaluation, or why there is nothing to cover. */
export interface Coverage {
  /** The exact texts (by hash) the note is written for. */
  hashes: string[];
  /** What the audit entry records besides the note. */
  summary: Record<string, unknown>;
  /** Whether writing it resolves the library-change flag. */
  clearsFlag: boolean;
}

/** What a justification use case takes. */
export interface JustificationOptions {
  db: Db;
  actor: Actor;
  pieceId: number;
  input: JustificationInput;
  now: Date;
}

/**
 * The steps both justifications share: the reviewer's capability, a piece whose text the gates
 * watch, the text the reviewer read still being the current one, then in one transaction the
 * current check stored, one justification row per covered text and the audit entry.
 */
export function writeJustification(
  options: JustificationOptions & {
    kind: JustificationKind;
    covers: (evaluation: Evaluation) => Coverage | Failure;
  },
): Result<{ justificationIds: number[] }> {
  const { db, actor, pieceId, kind, input, now } = options;
  if (!can(actor.roles, "compliance.justify"))
    return fail(403, "forbidden", "你的角色不能填写合规说明。", { params: { context: "justify" } });
  const piece = db
    .select({ status: schema.pieces.status })
    .from(schema.pieces)
    .where(eq(schema.pieces.id, pieceId))
    .get();
  if (!piece) return fail(404, "not_found", "内容不存在。", { params: { context: "piece" } });
  if (!(WATCHED_PIECE_STATUSES as readonly string[]).includes(piece.status))
    return fail(409, "nothing_to_justify", "只有送审中、已通过或已排期的内容才需要填写合规说明。", {
      params: { context: "status" },
    });

  return db.transaction((tx) => {
    const evaluation = evaluatePiece(tx, pieceId, { originality: kind === "originality" });
    if (!evaluation) return fail(404, "not_found", "内容不存在。", { params: { context: "piece" } });
    if (evaluation.checked.hash !== input.textHash)
      return fail(
        409,
        "text_changed",
        "内容在你查看之后有修改，请刷新页面、看过最新的检查结果后再写理由。",
        "note",
      );
    const coverage = options.covers(evaluation);
    if ("ok" in coverage) return { ...coverage, field: coverage.field ?? "note" };
    if (!evaluation.current || coverage.clearsFlag)
      storeEvaluation(tx, evaluation, { now, pieceId, flaggedAt: coverage.clearsFlag ? null : undefined });
    const ids = coverage.hashes.map(
      (textHash) =>
        tx
          .insert(schema.complianceJustifications)
          .values({ pieceId, kind, textHash, note: input.note, actorId: actor.id, at: now })
          .returning({ id: schema.complianceJustifications.id })
          .get().id,
    );
    recordAudit(tx, {
      actor: auditActor(actor),
      action: kind === "findings" ? "compliance.justify" : "compliance.originality_exception",
      entity: "piece",
      entityId: pieceId,
      after: {
        kind,
        note: input.note,
        textHash: evaluation.checked.hash,
        covers: coverage.hashes,
        ...coverage.summary,
      },
      at: now,
    });
    return { ok: true as const, justificationIds: ids };
  });
}
