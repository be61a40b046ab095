import { publicBaseUrl } from "../app/modules/ebooks/public-url.server";
import { insertPoster } from "../app/modules/posters/create-poster.server";
import { requestPosterRender } from "../app/modules/posters/request-poster-render.server";
import { writeBrandKit } from "../app/modules/posters/save-brand-kit.server";
import type { CreatePosterInput, VariantRequest } from "../app/modules/posters/schemas";
import type { DemoSeedOptions } from "./seed-options";

const DEMO_POSTERS: Array<{ input: CreatePosterInput; variants: VariantRequest[] }> = [
  {
    input: {
      title: "年终购车节海报",
      template: "offer",
      size: "moments",
      fields: {
        headline: "年终购车节 全系限时优惠",
        subline: "置换补贴与低息金融方案同享",
        offer: "直降 2 万元",
        validFrom: "2026-12-01",
        validTo: "2026-12-31",
      },
    },
    variants: [],
  },
  {
    // Handed out at the highway service-area pop-up: one variant per exit, so leads say where.
    input: {
      title: "高速服务区快闪海报",
      template: "event",
      size: "story",
      fields: {
        headline: "高速服务区快闪试驾",
        subline: "G60 松江服务区，周末两天，试驾即送免费车辆检测",
        offer: "到场送车载香薰",
        validFrom: "2026-12-12",
        validTo: "2026-12-13",
      },
    },
    variants: [{ venue: "G60 松江服务区 南区" }, { venue: "G60 松江服务区 北区" }],
  },
  {
    input: {
      title: "纯电 SUV 上市海报",
      template: "new_model",
      size: "xiaohongshu",
      fields: {
        headline: "全新纯电 SUV 上市",
        subline: "续航 620 公里，到店即可预约试驾",
        offer: "预订享 5000 元礼包",
        validFrom: "2026-12-20",
      },
    },
    variants: [],
  },
  {
    input: {
      title: "冬季用车小贴士海报",
      template: "service_tip",
      size: "moments",
      fields: {
        headline: "冬季用车小贴士",
        subline: "气温低于零度时，出发前先怠速一分钟；检查胎压和玻璃水，雪天行车保持车距。",
        offer: "12 月免费冬季检测",
      },
    },
    variants: [],
  },
];

/**
 * Demo data of the posters capability; runs once (its own marker). The dealership's brand kit,
 * one poster per template by copy@studio.local (the event one for the highway service-area
 * pop-up, with a variant per side of the service area), each queued for rendering so the first
 * start shows finished images.
 */
export async function seedPostersDemo(options: DemoSeedOptions): Promise<void> {
  const { db, now, dataDir } = options;
  const editor = options.users.get("editor@studio.local");
  const copy = options.users.get("copy@studio.local");
  if (!editor || !copy) return;
  db.transaction((tx) =>
    writeBrandKit(tx, {
      actor: editor,
      version: 0,
      values: {
        dealerName: "鸿运汽车 4S 店",
        primaryColor: "#b5121b",
        accentColor: "#f5a623",
        textColor: "#1f2937",
        hotline: "400-820-1234",
        address: "上海市闵行区沪闵路 1888 号",
      },
      now,
    }),
  );
  for (const { input, variants } of DEMO_POSTERS) {
    const pieceId = db.transaction((tx) => insertPoster(tx, { actor: copy, input, now }));
    const queued = await requestPosterRender({
      db,
      dataDir,
      actor: copy,
      pieceId,
      input: { variants },
      publicBase: publicBaseUrl(),
      now,
    });
    if (!queued.ok) throw new Error(`demo poster ${input.title}: ${queued.message}`);
  }
}
