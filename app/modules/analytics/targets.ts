/**
 * The year plan's targets the dashboards measure against (the dealership's plan, not settings:
 * changing one is a change to the plan). Rates are 0..1.
 */
export const TARGETS = {
  /** 《深夜修车铺》: 300,000 platform plays an episode. */
  playsPerEpisode: 300_000,
  /** A post is viral at 500,000 platform plays or more. */
  viralPlays: 500_000,
  /** DOU+ boosting: at least 20 % of posts viral. */
  viralRate: 0.2,
  /** Video editor: completion rate of 25 % or more. */
  completionRate: 0.25,
  /** E-book: 35 % of the download page's unique visitors leave a number. */
  downloadLeadRate: 0.35,
  /** Livestreams: 6 % of the show's lead page visitors leave a number (留资率). */
  liveLeadRate: 0.06,
  /** Each short-video operator: 60 posts a month… */
  postsPerOwnerMonth: 60,
  /** …and at least 3 of them viral. */
  viralPostsPerOwnerMonth: 3,
} as const;

/** part ÷ whole, or null when there is nothing to divide by (shown as "—", never as 0 %). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The tracked-link source of a livestream's QR code and links: `live-{pieceId}`. */
export function liveSource(showId: number): string {
  return `live-${showId}`;
}

/**
 * The lead target written in a campaign's plan line ("线索 1,200 条，订单 90 台" → 1200), or
 * null when the month's target is not about leads (orders, revenue, visits are not measured here).
 */
export function leadTargetOf(target: string): number | null {
  const match = /线索\s*([\d,，]+)\s*条/.exec(target);
  if (!match) return null;
  const value = Number(match[1].replace(/[,，]/g, ""));
  return Number.isFinite(value) && value > 0 ? value : null;
}
