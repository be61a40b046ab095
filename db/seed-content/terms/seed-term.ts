import type { TermCategory, TermSeverity } from "../../../app/modules/compliance/compliance-types";
import type { TermEntry } from "../../../app/modules/compliance/terms/term-types";

/**
 * The seed library is written as groups: terms of one category that share a severity, a reason
 * and a legal or platform basis. Each item is the term (or, in a pattern group, the pattern's
 * source), its suggested rewrite and, where the term sits inside ordinary words, the longer
 * words in which it does not count.
 */
export interface TermGroup {
  severity: TermSeverity;
  reason: string;
  basis: string;
  /** Items are regular expressions over normalised, lower-cased text (the scanner's guard checks them). */
  patterns?: boolean;
  items: Array<[text: string, suggestion: string, allowedContexts?: string[]]>;
}

export function categoryTerms(category: TermCategory, groups: TermGroup[]): TermEntry[] {
  return groups.flatMap((group) =>
    group.items.map(([text, suggestion, allowedContexts = []]) => ({
      term: group.patterns ? null : text,
      pattern: group.patterns ? text : null,
      category,
      severity: group.severity,
      reason: group.reason,
      basis: group.basis,
      suggestion,
      allowedContexts,
    })),
  );
}

// The laws and rules the library cites, spelled once.
export const AD_LAW = "《中华人民共和国广告法》";
export const BASIS = {
  absolute: `${AD_LAW}第九条第（三）项（不得使用“国家级”“最高级”“最佳”等用语）`,
  stateName: `${AD_LAW}第九条第（二）项（不得使用或者变相使用国家机关、国家机关工作人员的名义或者形象）`,
  misleading: `${AD_LAW}第四条（广告不得含有虚假或者引人误解的内容，不得欺骗、误导消费者）`,
  clearTerms: `${AD_LAW}第八条（对商品的性能、价格、允诺和附带赠送等的表示应当准确、清楚、明白）`,
  citedData: `${AD_LAW}第十一条第二款（使用数据、统计资料、调查结果等应当真实、准确，并表明出处）`,
  disparage: `${AD_LAW}第十三条（广告不得贬低其他生产经营者的商品或者服务）`,
  returns: `${AD_LAW}第二十五条（有投资回报预期的广告不得对收益作保证性承诺，不得明示或者暗示保本、无风险）`,
  falseClaim: `${AD_LAW}第二十八条第二款第（二）项（商品的性能、质量、价格、允诺等信息与实际情况不符，构成虚假广告）`,
  unverifiable: `${AD_LAW}第二十八条第二款第（三）项（使用虚构、伪造或者无法验证的统计资料、调查结果作证明材料）`,
  fakeEffect: `${AD_LAW}第二十八条第二款第（四）项（虚构使用商品或者接受服务的效果）`,
  unfairCompetition:
    "《中华人民共和国反不正当竞争法》第八条（不得对商品的性能、质量、销售状况等作虚假或者引人误解的商业宣传）",
  consumer: "《中华人民共和国消费者权益保护法》第二十条（商品和服务信息应当真实、全面，不得作虚假或者引人误解的宣传）",
  priceLaw: "《中华人民共和国价格法》第十四条第（四）项（不得利用虚假的或者使人误解的价格手段诱骗交易）",
  priceFraud: "《明码标价和禁止价格欺诈规定》第十九条（不得通过虚假折扣、减价或者价格比较等方式销售商品）",
  carSales: "《汽车销售管理办法》（商务部令2017年第1号）（明示价格和各项收费，不得在标价之外加价或另收费用）",
  promotion: "《规范促销行为暂行规定》（国家市场监督管理总局令第32号）（促销须明示期限、条件和规则）",
  blindBox: "《盲盒经营活动规范指引（试行）》（国家市场监督管理总局，2023年）（须公示商品种类、价值范围和抽取概率）",
  fuelLabel:
    "《轻型汽车能源消耗量标识》（GB 22757）与《轻型汽车燃料消耗量试验方法》（GB/T 19233-2020）（油耗以工况法标定值为准）",
  rangeTest:
    "《电动汽车能量消耗量和续驶里程试验方法 第1部分：轻型汽车》（GB/T 18386.1-2021）（续航须注明测试工况）",
  adasAdmission:
    "工业和信息化部《关于加强智能网联汽车生产企业及产品准入管理的意见》（工信部通装〔2021〕103号）（须明确告知驾驶辅助功能的局限，不得夸大宣传）",
  adasLevels: "《汽车驾驶自动化分级》（GB/T 40429-2021）（L2 为组合驾驶辅助，驾驶员须持续监控并随时接管）",
  threePacks: "《家用汽车产品修理更换退货责任规定》（国家市场监督管理总局令第43号）",
  autoLoan: "《汽车贷款管理办法》（中国人民银行 中国银行业监督管理委员会令〔2017〕第2号）",
  annualRate: "中国人民银行公告〔2021〕第3号（贷款产品须明示年化利率）",
  financeMarketing: "《关于进一步规范金融营销宣传行为的通知》（银发〔2019〕316号）（不得对资产管理产品未来效果、收益作保证性承诺，不得夸大、隐瞒风险）",
  plateQuota:
    "《北京市小客车数量调控暂行规定》等各地小客车总量调控规定（指标不得买卖、出租、出借或变相转让）",
  registration: "《机动车登记规定》（公安部令第164号）（机动车登记须由所有人本人申请或依法委托，不得承诺规避审查）",
  offPlatform:
    "《抖音社区自律公约》及抖音平台导流规则、《小红书社区规范》、《快手社区规范》（禁止引导用户至站外联系或交易）",
  contactInfo:
    "《抖音社区自律公约》及抖音平台导流规则（禁止在作品、评论、私信中发布微信号、手机号、二维码等站外联系方式）",
};
