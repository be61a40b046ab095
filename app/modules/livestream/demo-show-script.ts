import type { ShowScriptInput } from "./show-script";

/**
 * The 616 night show of the June campaign: seed data for the studio and the fixture the
 * livestream tests share.
 */
export function demoShowScriptInput(overrides: Partial<ShowScriptInput> = {}): ShowScriptInput {
  return {
    title: "年中粉丝日 · 616厂价直销夜",
    plannedMinutes: 90,
    scheduledAt: "2025-06-16T12:00:00.000Z",
    opening:
      "家人们晚上好！欢迎来到616厂价直销夜，今晚五款车型厂价直降，还有三轮红包雨，点赞到三千人马上开第一轮！",
    interaction: "刚进直播间的家人们扣1，想看哪款车扣车型名字，主播马上给你讲。",
    cta: "想要底价的家人，点击下方小程序留下电话，顾问十分钟内联系你，到店还送原厂雨伞。",
    closing:
      "今晚的厂价直销夜就到这里，没抢到的家人可以在小程序留资，明天顾问一对一帮你申请同样的价格，我们下次直播见！",
    ctaUrl: "https://example.com/mp/live-616",
    products: [
      {
        name: "轩逸 经典款",
        painPoint: "每天通勤一百公里，油费一个月一千多，是不是心在滴血？",
        sellingPoint:
          "轩逸百公里油耗五点几升，座椅是零重力座椅，开一个小时腰也不累。后排空间大，一家人出门很宽敞，保值率同级领先。",
        perk: "今晚下定直降八千，再送三年原厂保养。",
      },
      {
        name: "奇骏 荣耀版",
        painPoint: "周末想带家人去露营，轿车底盘低、后备箱小，装不下怎么办？",
        sellingPoint:
          "奇骏智能四驱，雨天泥路都不怕，后备箱放倒座椅能躺下一个成年人，全景天窗晚上看星星特别舒服。",
        perk: "前十名下定送价值三千元的露营套装。",
      },
    ],
    ...overrides,
  };
}
