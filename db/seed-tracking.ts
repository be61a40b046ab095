import { eq } from "drizzle-orm";
import { DEFAULT_STUDIO_TIME_ZONE } from "../app/lib/dates";
import { schema } from "../app/lib/db.server";
import { loadConfig } from "../app/lib/env.server";
import { captureLead } from "../app/modules/leads/capture-lead.server";
import { attributionFrom } from "../app/modules/tracking/attribution";
import type { EventType } from "../app/modules/tracking/event-types";
import { recordEvents, type IncomingEvent } from "../app/modules/tracking/record-events.server";
import { eventDay } from "../app/modules/tracking/visitor-hash.server";
import type { DemoSeedOptions } from "./seed-options";

const DAYS = 90;
const DAY_MS = 86_400_000;
/**
 * Demo leads use numbers from 170-0000-0000 to 170-0000-9999: valid in form, inside a virtual
 * operators' prefix and never handed out together, so no real person is ever in the demo.
 */
export const DEMO_PHONE_PREFIX = "1700000";

/** A small deterministic generator: the same demo every time. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCES_BY_KIND: Record<string, string[]> = {
  episode: ["douyin-main", "douyin-main", "kuaishou", "wechat-channels", "douyin-service", "direct"],
  poster: ["wechat-moments", "xiaohongshu", "direct"],
  article: ["wechat-official", "yiche", "autohome", "direct"],
  ebook: ["wechat-official", "douyin-main", "direct"],
  handbook: ["direct"],
  livestream: ["douyin-main", "wechat-channels", "direct"],
};
/** Of unique visitors, the share that leaves a number (the plan: downloads 35 %, live 6 %). */
const LEAD_SHARE: Record<string, number> = { ebook: 0.36, handbook: 0.2, livestream: 0.065, poster: 0.05 };

/**
 * Three months of first-party figures for the published demo pieces, written through the
 * ingestion's own write path (recordEvents: events, rollups, unique visitors, watch time) and the
 * lead form's use case (captureLead: consent, encryption, dedupe, audit), so every dashboard
 * shows real-looking figures on the first start. Visitor hashes are random per visit (the demo
 * has no addresses to salt).
 */
export async function seedTrackingDemo(options: DemoSeedOptions): Promise<void> {
  const { db, now } = options;
  const config = loadConfig(options.dataDir);
  const timeZone = config.timeZone || DEFAULT_STUDIO_TIME_ZONE;
  const pieces = db
    .select({ id: schema.pieces.id, kind: schema.pieces.kind, slug: schema.pieces.slug })
    .from(schema.pieces)
    .where(eq(schema.pieces.status, "published"))
    .orderBy(schema.pieces.id)
    .all()
    // Every published kind, at most four pieces of each: enough for every dashboard, quick to seed.
    .filter((piece, _, all) => all.filter((p) => p.kind === piece.kind).indexOf(piece) < 4);
  const next = random(20261203);
  let phone = 0;
  let eventNo = 0;
  for (let d = DAYS; d >= 1; d--) {
    const at = new Date(now.getTime() - d * DAY_MS);
    const day = eventDay(at, timeZone);
    db.transaction((tx) => {
      for (const piece of pieces) {
        const sources = SOURCES_BY_KIND[piece.kind] ?? ["direct"];
        const visits = Math.floor(2 + next() * (piece.kind === "episode" ? 24 : 10));
        for (let v = 0; v < visits; v++) {
          const source = sources[Math.floor(next() * sources.length)]!;
          const events: IncomingEvent[] = [];
          const add = (type: EventType, watchSeconds?: number) =>
            events.push({ id: `demo-${piece.id}-${++eventNo}`, type, watchSeconds });
          add("page_view");
          if (piece.kind === "episode" && next() < 0.7) {
            const length = 60;
            const reach = next();
            add("play", 0);
            if (reach > 0.3) add("progress_25", Math.round(length * 0.25));
            if (reach > 0.5) add("progress_50", Math.round(length * 0.5));
            if (reach > 0.65) add("progress_75", Math.round(length * 0.75));
            if (reach > 0.72) add("complete", length);
          }
          if (next() < 0.15) add("form_start");
          recordEvents({
            tx,
            db,
            pieceId: piece.id,
            attribution: attributionFrom({ src: source }),
            visitorHash: `demo${Math.floor(next() * 1e12).toString(16)}`,
            day,
            events,
            now: at,
          });
        }
      }
    });
    for (const piece of pieces) {
      const share = LEAD_SHARE[piece.kind] ?? 0.03;
      const leads = Math.round(share * (6 + next() * 10));
      for (let l = 0; l < leads; l++) {
        const sources = SOURCES_BY_KIND[piece.kind] ?? ["direct"];
        const number = `${DEMO_PHONE_PREFIX}${String(phone++ % 10_000).padStart(4, "0")}`;
        captureLead({
          db,
          dataKey: config.dataKey,
          downloadSecret: config.sessionSecret,
          input: {
            slug: piece.slug,
            phone: number,
            consent: true,
            src: sources[Math.floor(next() * sources.length)],
          },
          now: new Date(at.getTime() + Math.floor(next() * 10 * 3600_000)),
        });
      }
    }
  }
}
