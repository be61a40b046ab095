import { BASIS, categoryTerms } from "./seed-term";

/** New-energy range and battery claims: range needs its test cycle (CLTC), batteries degrade. */
export const autoRangeTerms = categoryTerms("auto_range", [
  {
    severity: "block",
    reason: "对续航或电池寿命作绝对化、无法兑现的承诺，与实际情况不符，构成虚假广告。",
    basis: BASIS.falseClaim,
    items: [
      ["续航无忧", "写“CLTC 续航 ××× km”，并提示实际续航受气温、路况、驾驶习惯影响"],
      ["续航零焦虑", "写 CLTC 续航和充电网络的具体信息"],
      ["永不断电", "删除"],
      ["无限续航", "删除"],
      ["续航最长", "写 CLTC 续航数值，不作排名"],
      ["冬天不掉电", "写低温续航测试条件和数据，或删除"],
      ["不掉续航", "删除"],
      ["电池终身不衰减", "写电池质保条款，如“电芯 8 年或 16 万公里质保（以质保手册为准）”"],
      ["零衰减", "写电池质保条款"],
      ["永不衰减", "写电池质保条款"],
      ["电池永不坏", "写电池质保条款"],
    ],
  },
  {
    severity: "review",
    reason: "续航和充电时间须写明测试工况和条件（如 CLTC、快充功率、电量区间），并提示实际受使用条件影响。",
    basis: BASIS.rangeTest,
    items: [
      ["超长续航", "写“CLTC 续航 ××× km”"],
      ["实际续航", "写明测试路线、气温、车速和空调使用情况"],
      ["满电续航", "写“CLTC 续航 ××× km”"],
    ],
  },
  {
    severity: "review",
    reason: "续航数字须注明测试工况（如 CLTC），充电时间须注明充电功率和电量区间。",
    basis: BASIS.rangeTest,
    patterns: true,
    items: [
      ["续航(里程)?\\s*\\d{2,4}\\s*(km|公里)", "注明工况，如“CLTC 续航 600 km”"],
      ["\\d{2,4}\\s*(km|公里)\\s*续航", "注明工况，如“CLTC 续航 600 km”"],
      ["充电\\s*\\d+\\s*分钟", "写明条件，如“在 ×× kW 快充桩上，电量 30%–80% 约需 ×× 分钟”"],
      ["\\d+\\s*分钟\\s*充(满|电)", "写明充电功率和电量区间"],
    ],
  },
]);
