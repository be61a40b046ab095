import { BASIS, categoryTerms } from "./seed-term";

/** Fuel consumption claims: figures must be the type-approval (WLTC) values, with the test cycle named. */
export const autoFuelTerms = categoryTerms("auto_fuel", [
  {
    severity: "block",
    reason: "夸大或无法证实的油耗表述，与车辆实际油耗不符，构成虚假或引人误解的宣传。",
    basis: BASIS.falseClaim,
    items: [
      ["最省油", "写工信部公告的综合油耗，如“WLTC 综合油耗 5.2 L/100 km”"],
      ["省油王", "写 WLTC 综合油耗数值"],
      ["零油耗", "纯电车型写“纯电行驶时不消耗燃油”，并注明条件"],
      ["不耗油", "写 WLTC 综合油耗数值"],
      ["不喝油", "写 WLTC 综合油耗数值"],
      ["油耗最低", "写 WLTC 综合油耗数值，不作排名"],
      ["越开越省油", "删除"],
      ["加一次油跑一个月", "写油箱容积和 WLTC 综合油耗，由读者自行估算"],
      ["省一半油钱", "写有依据的对比条件和数据来源，或删除"],
    ],
  },
  {
    severity: "review",
    reason: "油耗数据须以工况法标定值为准并注明测试工况（如 WLTC）；实测、亏电等数据须写明测试条件。",
    basis: BASIS.fuelLabel,
    items: [
      ["超低油耗", "写“WLTC 综合油耗 ×.× L/100 km”"],
      ["油耗仅", "写“WLTC 综合油耗 ×.× L/100 km”"],
      ["油耗低至", "写“WLTC 综合油耗 ×.× L/100 km”"],
      ["亏电油耗", "注明测试工况和条件，如“WLTC 亏电油耗（电量保持模式）”"],
      ["馈电油耗", "注明测试工况和条件"],
      ["实测油耗", "写明测试路线、车速、载重和天气，并注明“非官方数据，仅供参考”"],
    ],
  },
  {
    severity: "review",
    reason: "油耗数字须是工况法标定值并注明测试工况（如 WLTC），不得使用未经标定的数字。",
    basis: BASIS.fuelLabel,
    patterns: true,
    items: [
      ["\\d+(\\.\\d+)?\\s*[l升]\\s*/\\s*100\\s*(km|公里)", "在数字后注明工况，如“5.2 L/100 km（WLTC 综合工况）”"],
      ["百公里(油耗)?\\s*\\d+(\\.\\d+)?\\s*(l|升)", "注明工况，如“WLTC 综合油耗 5.2 L/100 km”"],
      ["\\d+(\\.\\d+)?\\s*个油", "写标定油耗并注明工况，如“WLTC 综合油耗 5.2 L/100 km”"],
    ],
  },
]);
