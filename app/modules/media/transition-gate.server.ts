import { eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import { fail, type Failure } from "~/lib/result";
import type { GateContext } from "../pieces/transition-gates.server";
import { scriptProblem } from "./episode-script";
import { listScriptLines } from "./episode-rows.server";

/** Holds an episode whose script overruns its column's duration (or reads too fast) from review. */
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
  const problem = scriptProblem(listScriptLines(ctx.tx, ctx.piece.id), column);
  return problem ? fail(409, "script_invalid", problem, { params: { detail: problem } }) : null;
}
