import { and, desc, eq, gt } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import { fail, type Failure } from "~/lib/result";
import type { GateContext } from "../pieces/transition-gates.server";

/**
 * The workflow's "changed after approval" gate: what reviewers approved must be what goes out.
 * A piece with a revision saved after its latest approval is held from scheduling and publishing
 * (the publisher asks at send time, the status machine on `schedule`/`publish`). A piece without
 * an approval on record (seeded or imported approved) passes: there is nothing to compare.
 */
export function changedAfterApprovalGate(ctx: GateContext): Failure | null {
  if (ctx.action !== "publish" && ctx.action !== "schedule") return null;
  const approval = ctx.tx
    .select({ at: schema.pieceTransitions.at })
    .from(schema.pieceTransitions)
    .where(
      and(eq(schema.pieceTransitions.pieceId, ctx.piece.id), eq(schema.pieceTransitions.action, "approve")),
    )
    .orderBy(desc(schema.pieceTransitions.at), desc(schema.pieceTransitions.id))
    .limit(1)
    .get();
  if (!approval) return null;
  const changed = ctx.tx
    .select({ version: schema.pieceRevisions.version })
    .from(schema.pieceRevisions)
    .where(
      and(eq(schema.pieceRevisions.pieceId, ctx.piece.id), gt(schema.pieceRevisions.createdAt, approval.at)),
    )
    .orderBy(desc(schema.pieceRevisions.version))
    .limit(1)
    .get();
  if (!changed) return null;
  return fail(
    409,
    "changed_after_approval",
    `内容在审核通过后又被修改（第 ${changed.version} 版），需要重新送审通过后才能排期或发布。`,
    { params: { version: changed.version } },
  );
}
