import { eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import { fail, type Failure } from "~/lib/result";
import type { GateContext } from "../pieces/transition-gates.server";
import { findScriptProblem } from "./episode-script";
import { listScriptLines } from "./episode-rows.server";

/**
 * Holds an episode whose script overruns its column's duration (or reads too fast) from review,
 * naming the lines at fault.
 */
export function episodeScriptGate(ctx: GateContext): Failure | null {
  if (ctx.piece.kind !== "episode" || ctx.action !== "submit") return null;
  const piece = ctx.tx
    .select({ columnId: schema.pieces.columnId })
    .from(schema.pieces)
    .where(eq(schema.pieces.id, ctx.piece.id))
    .get();
  if (piece?.columnId == null) return null;
  const column = ctx.tx.select().from(schema.columns).where(eq(schema.columns.id, piece.columnId)).get();
  if (!column) return null;
  const problem = findScriptProblem(listScriptLines(ctx.tx, ctx.piece.id), column);
  if (!problem) return null;
  // Said next to the button that submitted and at each line at fault (`lines.<i>` in the editor).
  return fail(409, "script_invalid", problem.message, {
    anchors: problem.lines.map((i) => `lines.${i}`),
    params: { context: problem.context, detail: problem.message, ...problem.params },
  });
}
