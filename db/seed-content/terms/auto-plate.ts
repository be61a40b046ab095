import { BASIS, categoryTerms } from "./seed-term";

/** Licence plates: registration services are fine, quota trading and guaranteed plates are not. */
export const autoPlateTerms = categoryTerms("auto_plate", [
  {
    severity: "block",
    reason: "小客车指标不得买卖、出租、出借或变相转让，宣传此类服务违反各地总量调控规定。",
    basis: BASIS.plateQuota,
    items: [
      ["京牌指标", "删除"],
      ["沪牌额度", "删除"],
      ["租牌", "删除"],
      ["借牌", "删除"],
      ["牌照出租", "删除"],
      ["指标出租", "删除"],
      ["指标转让", "删除"],
      ["买指标", "删除"],
      ["代办指标", "删除"],
      ["免摇号", "删除"],
      ["不用摇号", "删除"],
      ["包摇中", "删除"],
      ["保证中签", "删除"],
    ],
  },
  {
    severity: "block",
    reason: "机动车登记须依法申请和审查，承诺规避审查或保证特定号牌属于虚假承诺。",
    basis: BASIS.registration,
    items: [
      ["挂靠上牌", "删除"],
      ["外地户口上本地牌", "删除；写“上牌条件以当地车管所规定为准”"],
      ["包选靓号", "删除"],
    ],
  },
  {
    severity: "review",
    reason: "代办上牌属于服务，须写明服务内容和收费，不得承诺一定取得号牌或指标。",
    basis: BASIS.carSales,
    items: [
      ["包上牌", "写“可代办上牌手续，服务费 ×× 元（上牌条件以当地车管所规定为准）”"],
      ["包牌价", "写裸车价并分项列出上牌等各项费用"],
      ["免费上牌", "写明条件，如“活动期间购车，代办上牌服务费全免（行政规费自理）”"],
      ["当天上牌", "写“可预约代办上牌，办理时间以车管所为准”"],
    ],
  },
]);
