/**
 * A channel's long-form rules, checked as pure functions: the editor shows the problems while
 * typing, and the review gate refuses the first one at submit and approval.
 */
import type { ErrorCode } from "~/lib/error-codes";
import { formatNumber } from "~/lib/dates";
import { countArticleChars, listTestimonials, type Testimonial } from "./article-markdown";

export interface ArticleRule {
  channelName: string;
  /** Fewest characters the channel takes, counted by `countArticleChars`; null for none. */
  minChars: number | null;
  testimonialRequired: boolean;
}

export interface ArticleProblem {
  code: ErrorCode;
  field: "body";
  /** Chinese, for logs and as the fallback text; screens translate `code` with `params`. */
  message: string;
  params: Record<string, string | number>;
}

const FIELD_LABELS: Record<keyof Omit<Testimonial, "line">, string> = {
  name: "车主",
  model: "车型",
  quote: "证言",
};

/** Every testimonial block must name the owner and the model and carry a quote. */
export function testimonialProblems(markdown: string): ArticleProblem[] {
  const problems: ArticleProblem[] = [];
  for (const t of listTestimonials(markdown)) {
    const missing = (Object.keys(FIELD_LABELS) as Array<keyof typeof FIELD_LABELS>).find((k) => !t[k].trim());
    if (missing)
      problems.push({
        code: "testimonial_incomplete",
        field: "body",
        message: `第 ${t.line} 行的车主证言缺少「${FIELD_LABELS[missing]}」。`,
        params: { line: t.line, field: missing },
      });
  }
  return problems;
}

/** The problems that hold an article from review on its channel, in the order they are shown. */
export function checkArticleRules(markdown: string, rule: ArticleRule | null): ArticleProblem[] {
  const problems = testimonialProblems(markdown);
  if (!rule) return problems;
  const count = countArticleChars(markdown);
  if (rule.minChars !== null && count < rule.minChars)
    problems.unshift({
      code: "article_too_short",
      field: "body",
      message: `正文 ${formatNumber(count)} 字，${rule.channelName}要求至少 ${formatNumber(rule.minChars)} 字。`,
      params: { count: formatNumber(count), min: formatNumber(rule.minChars), channel: rule.channelName },
    });
  if (rule.testimonialRequired && listTestimonials(markdown).length === 0)
    problems.push({
      code: "testimonial_required",
      field: "body",
      message: `${rule.channelName}文章须包含至少一段车主证言（车主、车型、证言）。`,
      params: { channel: rule.channelName },
    });
  return problems;
}
