// UI strings of compliance findings in the editors (the highlight, the findings list, the scan's
// state), under the "findings" key: t("findings.categories.price"). A finding's reason, basis and
// suggestion come from the term library as written there.
export const findingsZh = {
  categories: {
    absolute: "绝对化用语",
    auto_fuel: "油耗宣传",
    auto_safety: "安全性能",
    auto_adas: "辅助驾驶",
    auto_range: "续航里程",
    auto_finance: "汽车金融",
    auto_plate: "牌照指标",
    price: "价格宣传",
    service: "服务承诺",
    quality: "质量承诺",
    off_platform: "站外引流",
  },
  severities: {
    block: "禁用",
    review: "需复核",
  },
  severityHints: {
    block: "发布前必须改掉",
    review: "需审核人确认或改写",
  },
  title: "用语检查",
  count: "{{count}} 处用语问题",
  summary: "禁用 {{block}} 处 · 需复核 {{review}} 处",
  basis: "依据：{{text}}",
  suggestion: "建议改为：{{text}}",
  select: "在文中选中这处：{{match}}",
  status: {
    checking: "正在检查用语…",
    ready: "未发现违规用语",
    error: "用语检查暂时不可用，文字可以照常保存。",
  },
};

export const findingsEn: typeof findingsZh = {
  categories: {
    absolute: "Absolute claims",
    auto_fuel: "Fuel consumption",
    auto_safety: "Safety",
    auto_adas: "Driver assistance",
    auto_range: "Driving range",
    auto_finance: "Car finance",
    auto_plate: "Licence plates",
    price: "Pricing",
    service: "Service promises",
    quality: "Quality promises",
    off_platform: "Off-platform contact",
  },
  severities: {
    block: "Blocked",
    review: "Needs review",
  },
  severityHints: {
    block: "Must be changed before publishing",
    review: "A reviewer confirms it or it is rewritten",
  },
  title: "Wording check",
  count: "Wording issues: {{count}}",
  summary: "{{block}} blocked · {{review}} to review",
  basis: "Basis: {{text}}",
  suggestion: "Suggested rewrite: {{text}}",
  select: "Select this in the text: {{match}}",
  status: {
    checking: "Checking the wording…",
    ready: "No problem wording found",
    error: "The wording check is unavailable for now; the text can still be saved.",
  },
};
