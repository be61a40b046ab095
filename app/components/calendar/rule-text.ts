import type { TFunction } from "i18next";
import type { CadenceRuleDto } from "~/modules/calendar/calendar-types";

/** "每天 2 条视频（18:00–21:00）": a cadence rule as people read it. */
export function ruleText(rule: CadenceRuleDto, t: TFunction): string {
  const what = rule.label ?? rule.kinds.map((kind) => t(`kinds.${kind}`)).join("/");
  const key = rule.period === "day" ? "perDay" : rule.period === "week" ? "perWeek" : "perMonth";
  const base = t(`calendar.rule.${key}`, { count: rule.count, what });
  return rule.windowStart && rule.windowEnd
    ? base + t("calendar.rule.window", { start: rule.windowStart, end: rule.windowEnd })
    : base;
}
