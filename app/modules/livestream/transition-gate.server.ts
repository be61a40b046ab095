import { fail, type Failure } from "~/lib/result";
import type { GateContext } from "../pieces/transition-gates.server";
import { validateRunOfShow } from "./run-of-show";
import { loadShow } from "./show-rows.server";

/**
 * Holds a livestream script in review while its run of show has issues (a block the host cannot
 * read in time, an empty block, no CTA link, under 90 minutes): the same check that refuses going live.
 */
export function livestreamScriptGate(ctx: GateContext): Failure | null {
  if (ctx.piece.kind !== "livestream") return null;
  if (
    ctx.action !== "submit" &&
    ctx.action !== "approve" &&
    ctx.action !== "schedule" &&
    ctx.action !== "publish"
  )
    return null;
  const show = loadShow(ctx.tx, ctx.piece.id);
  if (!show) return null;
  const issues = validateRunOfShow(show.script);
  if (issues.length === 0) return null;
  return fail(
    409,
    "script_issues",
    `直播脚本还有 ${issues.length} 个问题：${issues[0].message}。请在直播脚本页修正后再提交。`,
    { params: { count: issues.length, first: issues[0].message } },
  );
}
