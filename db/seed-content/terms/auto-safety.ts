import { BASIS, categoryTerms } from "./seed-term";

/** Safety claims: no car is “absolutely safe”; crash ratings need their programme and year. */
export const autoSafetyTerms = categoryTerms("auto_safety", [
  {
    severity: "block",
    reason: "对安全性能作绝对化或无法兑现的承诺，与实际情况不符，构成虚假广告。",
    basis: BASIS.falseClaim,
    items: [
      ["100%安全", "写具体安全配置，如“6 个安全气囊、AEB 自动紧急制动”"],
      ["绝对安全", "写具体安全配置"],
      ["零事故", "删除"],
      ["零伤亡", "删除"],
      ["永不翻车", "写具体配置，如“ESP 车身稳定系统”"],
      ["永不侧翻", "写具体配置，如“ESP 车身稳定系统”"],
      ["撞不坏", "写具体车身结构，如“高强度钢占比 ××%”"],
      ["撞不烂", "写具体车身结构"],
      ["刀枪不入", "删除"],
      ["坦克级安全", "写具体安全配置和碰撞成绩（注明机构与年份）"],
      ["最安全", "写具体碰撞成绩，如“C-NCAP 五星（2024 版规程）”"],
      ["万无一失", "删除"],
      ["保命神车", "删除"],
      ["不会出事故", "删除，写“辅助降低部分碰撞风险”"],
      ["安全无死角", "写具体配置，如“360° 全景影像”"],
    ],
  },
  {
    severity: "review",
    reason: "安全评级和安全宣传须写明评测机构、规程版本和年份，不得笼统宣称。",
    basis: BASIS.citedData,
    items: [
      ["五星安全", "写明机构和规程，如“C-NCAP 五星（2024 版规程）”"],
      ["安全无忧", "写具体安全配置"],
      ["全方位守护", "写具体安全配置"],
      ["安全满分", "写明评测机构、项目和年份"],
    ],
  },
  {
    severity: "block",
    reason: "对安全结果作绝对化承诺，与实际情况不符。",
    basis: BASIS.falseClaim,
    patterns: true,
    items: [["0\\s*(事故|伤亡|风险)", "删除，写具体安全配置"]],
  },
  {
    severity: "review",
    reason: "碰撞评级须写明评测机构、规程版本和年份。",
    basis: BASIS.citedData,
    patterns: true,
    items: [["[5五]\\s*星\\s*(安全|碰撞|评级)", "写明机构和规程，如“C-NCAP 五星（2024 版规程）”"]],
  },
]);
