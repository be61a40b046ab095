// Poster strings, under the "posters" key: t("posters.templates.offer").
// `templates`, `sizes` and `fields` label the catalog (app/modules/posters/render/poster-catalog.ts);
// `art` holds the fixed words printed on the posters themselves, which stay Chinese whatever the
// screen language (the posters are for Chinese readers), so the renderer reads them from zh only.
export const postersZh = {
  templates: {
    offer: "限时优惠",
    event: "活动邀请",
    new_model: "新车上市",
    service_tip: "用车小贴士",
  },
  sizes: {
    moments: "朋友圈 1080×1440",
    story: "竖版故事 1080×1920",
    xiaohongshu: "小红书 1242×1660",
    print_a4: "A4 印刷 PDF（300 dpi，出血 3 毫米）",
  },
  fields: {
    headline: "主标题",
    subline: "副标题",
    offer: "优惠/亮点",
    validFrom: "开始日期",
    validTo: "结束日期",
    dealerName: "经销商名称",
    hotline: "服务热线",
    address: "地址",
  },
  art: {
    qrCaption: "扫码了解详情",
    hotline: "服务热线",
    date: "{{month}}月{{day}}日",
    dateRange: "{{from}} 至 {{to}}",
    dateFrom: "{{from}} 起",
    dateTo: "即日起至 {{to}}",
    datesLabel: {
      offer: "活动时间：",
      event: "活动日期：",
      new_model: "上市时间：",
      service_tip: "有效期：",
    },
  },
};

export const postersEn: typeof postersZh = {
  templates: {
    offer: "Limited-time offer",
    event: "Event invitation",
    new_model: "New model",
    service_tip: "Service tip",
  },
  sizes: {
    moments: "Moments 1080×1440",
    story: "Story 1080×1920",
    xiaohongshu: "Xiaohongshu 1242×1660",
    print_a4: "A4 print PDF (300 dpi, 3 mm bleed)",
  },
  fields: {
    headline: "Headline",
    subline: "Subline",
    offer: "Offer / highlight",
    validFrom: "Valid from",
    validTo: "Valid to",
    dealerName: "Dealer name",
    hotline: "Hotline",
    address: "Address",
  },
  // Printed on the poster in Chinese whatever the screen language; kept here for the key check.
  art: {
    qrCaption: "Scan for details",
    hotline: "Hotline",
    date: "{{month}}/{{day}}",
    dateRange: "{{from}} to {{to}}",
    dateFrom: "from {{from}}",
    dateTo: "until {{to}}",
    datesLabel: {
      offer: "Offer period: ",
      event: "Event dates: ",
      new_model: "On sale: ",
      service_tip: "Valid: ",
    },
  },
};
