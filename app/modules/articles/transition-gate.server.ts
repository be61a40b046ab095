import { fail, type Failure } from "~/lib/result";
import type { GateContext } from "../pieces/transition-gates.server";
import { articleChannelOf, articleRuleOf } from "./article-rows.server";
import { checkArticleRules } from "./article-rules";

/**
 * Holds an article that breaks its channel's long-form rules (易车: at least 2,000 characters and
 * an owner testimonial) from review, and from approval in case it was edited while in review.
 */
export function articleChannelGate(ctx: GateContext): Failure | null {
  if (ctx.piece.kind !== "article") return null;
  if (ctx.action !== "submit" && ctx.action !== "approve") return null;
  const rule = articleRuleOf(articleChannelOf(ctx.tx, ctx.piece.id));
  const [problem] = checkArticleRules(ctx.piece.body, rule);
  if (!problem) return null;
  return fail(409, problem.code, problem.message, { field: problem.field, params: problem.params });
}
