import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import {
  DEFAULT_STUDIO_TIME_ZONE,
  formatInstant,
  parseWallClock,
  startOfDay,
  startOfMonth,
  startOfWeek,
} from "../app/lib/dates";
import { schema, type DbOrTx } from "../app/lib/db.server";
import type { Actor } from "../app/modules/auth/actor";
import type { CadencePeriod, Publisher } from "../app/modules/calendar/calendar-types";
import { newWebhookSecret } from "../app/modules/calendar/update-channel.server";
import { recordAudit } from "../app/modules/audit/record-audit.server";
import { insertPiece, newPieceSlug } from "../app/modules/pieces/create-piece.server";
import type { PieceKind } from "../app/modules/pieces/status-machine";
import { transitionPiece } from "../app/modules/pieces/transition-piece.server";
import type { DemoSeedOptions } from "./seed-options";

interface ChannelSetting {
  key: string;
  name: string;
  kinds: PieceKind[];
  titleMax: number | null;
  captionMax: number | null;
  hashtagMax: number | null;
  color: string;
  publisher: Publisher;
  webhookUrl?: string;
  /** The demo user who does the hand-off. */
  operator: string;
  graceMinutes: number;
  cadenceNote: string | null;
  rules: Array<{
    count: number;
    period: CadencePeriod;
    kinds: PieceKind[];
    label: string;
    window?: [string, string];
  }>;
}

/**
 * The ten channels' settings: what each takes, its caption rules (the platforms' own limits,
 * in characters), colour, publisher, operator and the year plan's cadence rules.
 */
export const CALENDAR_CHANNELS: ChannelSetting[] = [
  {
    key: "douyin-main",
    name: "抖音主号",
    kinds: ["episode", "livestream"],
    titleMax: 55,
    captionMax: 1000,
    hashtagMax: 5,
    color: "#e8364f",
    publisher: "manual",
    operator: "copy@studio.local",
    graceMinutes: 120,
    cadenceNote: "每天 1 条",
    rules: [{ count: 1, period: "day", kinds: ["episode"], label: "视频", window: ["18:00", "21:00"] }],
  },
  {
    key: "douyin-service",
    name: "抖音售后副号",
    kinds: ["episode", "livestream"],
    titleMax: 55,
    captionMax: 1000,
    hashtagMax: 5,
    color: "#0e9f9a",
    publisher: "manual",
    operator: "copy2@studio.local",
    graceMinutes: 120,
    cadenceNote: "每周 3 条",
    rules: [{ count: 3, period: "week", kinds: ["episode"], label: "视频", window: ["12:00", "13:30"] }],
  },
  {
    key: "kuaishou",
    name: "快手",
    kinds: ["episode", "livestream"],
    titleMax: 30,
    captionMax: 500,
    hashtagMax: 5,
    color: "#f76707",
    publisher: "manual",
    operator: "copy@studio.local",
    graceMinutes: 120,
    cadenceNote: null,
    rules: [],
  },
  {
    key: "wechat-channels",
    name: "微信视频号",
    kinds: ["episode", "livestream"],
    titleMax: 16,
    captionMax: 1000,
    hashtagMax: 10,
    color: "#f59f00",
    publisher: "manual",
    operator: "copy2@studio.local",
    graceMinutes: 120,
    cadenceNote: null,
    rules: [],
  },
  {
    key: "wechat-official",
    name: "微信公众号",
    kinds: ["article", "ebook", "handbook"],
    titleMax: 64,
    captionMax: 120,
    hashtagMax: null,
    color: "#2f9e44",
    publisher: "manual",
    operator: "editor@studio.local",
    graceMinutes: 180,
    cadenceNote: "每天 1 篇文章",
    rules: [{ count: 1, period: "day", kinds: ["article"], label: "文章", window: ["20:00", "21:30"] }],
  },
  {
    key: "wechat-moments",
    name: "朋友圈",
    kinds: ["poster"],
    titleMax: null,
    captionMax: 1500,
    hashtagMax: null,
    color: "#5c7cfa",
    publisher: "manual",
    operator: "copy2@studio.local",
    graceMinutes: 120,
    cadenceNote: "海报每天 2 张",
    rules: [{ count: 2, period: "day", kinds: ["poster"], label: "海报", window: ["08:00", "19:00"] }],
  },
  {
    key: "xiaohongshu",
    name: "小红书",
    kinds: ["poster", "article", "episode"],
    titleMax: 20,
    captionMax: 1000,
    hashtagMax: 10,
    color: "#c2255c",
    publisher: "manual",
    operator: "copy@studio.local",
    graceMinutes: 120,
    cadenceNote: "合作笔记 200 篇，每篇阅读 ≥ 5,000、收藏 ≥ 200",
    rules: [],
  },
  {
    key: "autohome",
    name: "汽车之家",
    kinds: ["episode", "poster", "article"],
    titleMax: 30,
    captionMax: 500,
    hashtagMax: 3,
    color: "#1c7ed6",
    publisher: "manual",
    operator: "editor@studio.local",
    graceMinutes: 240,
    cadenceNote: "每天高清图 10 张 + 短视频 2 条",
    rules: [
      { count: 2, period: "day", kinds: ["episode"], label: "视频" },
      { count: 10, period: "day", kinds: ["poster"], label: "高清图", window: ["09:00", "14:00"] },
    ],
  },
  {
    key: "yiche",
    name: "易车",
    kinds: ["article"],
    titleMax: 30,
    captionMax: 200,
    hashtagMax: null,
    color: "#ae3ec9",
    publisher: "manual",
    operator: "editor@studio.local",
    graceMinutes: 240,
    cadenceNote: "每月 4 篇 2,000 字长文（含车主证言）",
    rules: [{ count: 4, period: "month", kinds: ["article"], label: "长文" }],
  },
  {
    key: "miniprogram",
    name: "小程序",
    kinds: ["ebook", "handbook", "poster", "livestream"],
    titleMax: 30,
    captionMax: 200,
    hashtagMax: null,
    color: "#495057",
    // The dealership's own mini-program takes posts from a webhook on its back end.
    publisher: "webhook",
    webhookUrl: "https://mp.example.com/hooks/content-studio",
    operator: "editor@studio.local",
    graceMinutes: 60,
    cadenceNote: null,
    rules: [],
  },
];

/** Keys the first seed used, renamed to the keys the API documents. */
export const RENAMED_CHANNEL_KEYS: Record<string, string> = {
  "wechat-oa": "wechat-official",
  moments: "wechat-moments",
  "mini-program": "miniprogram",
};

/**
 * Brings the channels to the calendar's settings, idempotently: renames the first seed's keys,
 * adds a missing channel, fills the settings of a channel nobody has configured yet (no kinds),
 * and gives a channel without cadence rules the plan's. Settings an editor changed stay.
 */
export function applyCalendarChannels(tx: DbOrTx, options: { now: Date; users: Map<string, Actor> }): void {
  const { now, users } = options;
  for (const [oldKey, newKey] of Object.entries(RENAMED_CHANNEL_KEYS)) {
    const taken = tx.select().from(schema.channels).where(eq(schema.channels.key, newKey)).get();
    if (!taken) tx.update(schema.channels).set({ key: newKey }).where(eq(schema.channels.key, oldKey)).run();
  }
  for (const c of CALENDAR_CHANNELS) {
    const settings = {
      name: c.name,
      kinds: c.kinds,
      titleMax: c.titleMax,
      captionMax: c.captionMax,
      hashtagMax: c.hashtagMax,
      color: c.color,
      publisher: c.publisher,
      webhookUrl: c.webhookUrl ?? null,
      webhookSecret: c.webhookUrl ? newWebhookSecret() : null,
      operatorId: users.get(c.operator)?.id ?? null,
      graceMinutes: c.graceMinutes,
      cadenceNote: c.cadenceNote,
    };
    let channel = tx.select().from(schema.channels).where(eq(schema.channels.key, c.key)).get();
    if (!channel)
      channel = tx
        .insert(schema.channels)
        .values({ key: c.key, ...settings })
        .returning()
        .get();
    else if (channel.kinds.length === 0)
      tx.update(schema.channels).set(settings).where(eq(schema.channels.id, channel.id)).run();
    const hasRules = tx
      .select({ id: schema.cadenceRules.id })
      .from(schema.cadenceRules)
      .where(eq(schema.cadenceRules.channelId, channel.id))
      .get();
    if (hasRules) continue;
    for (const rule of c.rules)
      tx.insert(schema.cadenceRules)
        .values({
          channelId: channel.id,
          count: rule.count,
          period: rule.period,
          kinds: rule.kinds,
          label: rule.label,
          windowStart: rule.window?.[0] ?? null,
          windowEnd: rule.window?.[1] ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .run();
  }
}

// ---------------------------------------------------------------------------------------------
// Demo calendar.

const MODELS = [
  "凯美瑞",
  "RAV4荣放",
  "汉兰达",
  "卡罗拉",
  "亚洲龙",
  "威兰达",
  "赛那",
  "bZ4X",
  "锋兰达",
  "雷凌",
];
const ANGLES = ["外观正侧", "前脸特写", "中控台", "后排空间", "后备箱", "轮毂细节", "夜景灯光"];
const TIPS = [
  "雨天开车起雾怎么办",
  "胎压灯亮了先别慌",
  "冬季电瓶保养三件事",
  "空调异味的真正原因",
  "刹车片多久换一次",
  "高速爆胎正确处理",
  "机油标号怎么看",
  "雨刮片老化的信号",
  "自动挡溜车怎么避免",
  "长途自驾前的五项检查",
];
const STORIES = [
  "跑了二十万公里的出租车司机",
  "带着女儿自驾川藏线的王姐",
  "每周来店洗车的退休教师",
  "开新能源跑网约车的小陈",
  "第一次买车的应届生",
  "三代人开同一台车的家庭",
];
const ARTICLES = [
  "雨季用车十问十答",
  "新手保养清单：首保之前要知道的事",
  "原厂件与副厂件，差别在哪里",
  "置换补贴怎么算最划算",
  "二手车评估的十二个细节",
  "女性车主的安全驾驶小课堂",
  "高原自驾，车要提前准备什么",
  "延保值不值得买",
];
const POSTERS = [
  "本周到店礼",
  "周末试驾团",
  "保养套餐限时价",
  "车主课堂报名",
  "新车到店",
  "老客户转介绍礼",
  "夜间服务站开放",
];
/** Categories in a 3 / 4 / 3 rotation: the month's mix lands near the plan's 30 / 40 / 30. */
const MIX_ROTATION = [
  "车型讲解",
  "用车技巧",
  "车主故事",
  "用车技巧",
  "车型讲解",
  "用车技巧",
  "车主故事",
  "车型讲解",
  "用车技巧",
  "车主故事",
] as const;

type DemoPiece = { id: number; kind: PieceKind; title: string };

/**
 * Demo data of the calendar; runs once (its own marker). Brings the channels to the calendar's
 * settings, then fills the current and the next month with slots across the channels: published
 * ones (with live URLs) before now, planned ones after, a hand-off task due today, a missed task,
 * an unconfirmed webhook slot, a couple of gaps (one skipped day on 抖音主号, a short week on the
 * after-sales account), and approved episodes not yet scheduled. Deterministic for a given `now`.
 */
export async function seedCalendarDemo(options: DemoSeedOptions & { timeZone?: string }): Promise<void> {
  const { db, now, users } = options;
  const tz = options.timeZone ?? (process.env.STUDIO_TIME_ZONE || DEFAULT_STUDIO_TIME_ZONE);
  const editor = users.get("editor@studio.local");
  const copy = users.get("copy@studio.local");
  const copy2 = users.get("copy2@studio.local");
  db.transaction((tx) => applyCalendarChannels(tx, { now, users }));
  if (!editor || !copy || !copy2) return;

  const channelIds = new Map(
    db
      .select({ id: schema.channels.id, key: schema.channels.key })
      .from(schema.channels)
      .all()
      .map((c) => [c.key, c.id]),
  );
  const campaignIds = new Map(
    db
      .select({ id: schema.campaigns.id, month: schema.campaigns.month })
      .from(schema.campaigns)
      .all()
      .map((c) => [c.month, c.id]),
  );

  // From the Monday of the month's first week, so the month grid is full from its first cell.
  const firstDay = startOfWeek(startOfMonth(now, tz), tz);
  const nextMonth = startOfMonth(new Date(startOfMonth(now, tz).getTime() + 32 * 86_400_000), tz);
  const monthAfterNext = startOfMonth(new Date(nextMonth.getTime() + 32 * 86_400_000), tz);
  const days: Array<{ ymd: string; index: number; weekday: number; dayOfMonth: number; month: number }> = [];
  for (let day = firstDay, i = 0; day < monthAfterNext; i++) {
    const ymd = formatInstant(day, tz, "YYYY-MM-DD");
    days.push({
      ymd,
      index: i,
      weekday: Number(formatInstant(day, tz, "d")) || 7,
      dayOfMonth: Number(ymd.slice(8, 10)),
      month: Number(ymd.slice(5, 7)),
    });
    day = startOfDay(new Date(day.getTime() + 36 * 3_600_000), tz);
  }
  const at = (ymd: string, time: string) => parseWallClock(`${ymd}T${time}`, tz);
  const today = formatInstant(now, tz, "YYYY-MM-DD");
  const todayIndex = days.findIndex((d) => d.ymd === today);
  // The deliberate gaps: a skipped day on the main account and a short week on the after-sales one.
  const skippedMainDay = days[Math.min(todayIndex + 4, days.length - 1)].ymd;
  const shortWeekStart = todayIndex + 7 - ((days[todayIndex].weekday + 6) % 7);

  const slots: Array<{ piece: DemoPiece; channel: string; at: Date; caption: string }> = [];
  const pieces: Array<
    DemoPiece & { owner: Actor; body: string; mix?: string; month: number; firstAt: Date }
  > = [];
  let nextId = 0;
  const piece = (
    kind: PieceKind,
    title: string,
    owner: Actor,
    body: string,
    when: Date,
    month: number,
    mix?: string,
  ) => {
    const p = { id: --nextId, kind, title, owner, body, mix, month, firstAt: when };
    pieces.push(p);
    return p;
  };

  let serviceCount = 0;
  let lastService: DemoPiece | null = null;
  for (const d of days) {
    const n = d.index;
    // 抖音主号: one video a day at 19:00 (cross-posted to 汽车之家, and every other day to 快手 and 视频号).
    const mix = MIX_ROTATION[n % MIX_ROTATION.length];
    const model = MODELS[n % MODELS.length];
    const title =
      mix === "车型讲解"
        ? `一分钟看懂${model}：${["三大卖点", "空间实测", "油耗实测", "智能配置"][n % 4]}`
        : mix === "用车技巧"
          ? `${TIPS[n % TIPS.length]}`
          : `车主故事：${STORIES[n % STORIES.length]}`;
    const video = piece(
      "episode",
      title,
      n % 2 ? copy2 : copy,
      `${title}。60 秒短视频脚本。`,
      at(d.ymd, "19:00"),
      d.month,
      mix,
    );
    const tag = mix === "车型讲解" ? "#一分钟识车" : mix === "用车技巧" ? "#用车技巧" : "#车主故事";
    const caption = `${title}\n${tag} #4S店 #到店报暗号秒懂`;
    if (d.ymd !== skippedMainDay)
      slots.push({ piece: video, channel: "douyin-main", at: at(d.ymd, "19:00"), caption });
    slots.push({
      piece: video,
      channel: "autohome",
      at: at(d.ymd, "11:00"),
      caption: `${title.slice(0, 30)}\n${tag}`,
    });
    if (n % 2 === 0) {
      slots.push({
        piece: video,
        channel: "kuaishou",
        at: at(d.ymd, "19:30"),
        caption: `${title.slice(0, 30)}\n${tag} #汽车`,
      });
      slots.push({
        piece: video,
        channel: "wechat-channels",
        at: at(d.ymd, "20:00"),
        caption: `${title.slice(0, 16)}\n${tag}`,
      });
    }

    // 抖音售后副号: Monday, Wednesday and Friday at 12:30 — except one Friday in the short week.
    if (
      [1, 3, 5].includes(d.weekday) &&
      !(n >= shortWeekStart && n < shortWeekStart + 7 && d.weekday === 5)
    ) {
      const story =
        serviceCount % 2
          ? `深夜修车铺：${TIPS[(serviceCount + 3) % TIPS.length]}`
          : `深夜修车铺：${STORIES[serviceCount % STORIES.length]}的爱车`;
      const sMix = serviceCount % 2 ? "用车技巧" : "车主故事";
      const service = piece(
        "episode",
        story,
        copy2,
        `${story}。夜班技师实拍。`,
        at(d.ymd, "12:30"),
        d.month,
        sMix,
      );
      slots.push({
        piece: service,
        channel: "douyin-service",
        at: at(d.ymd, "12:30"),
        caption: `${story}\n#原厂零件 #深夜修车铺`,
      });
      lastService = service;
      serviceCount++;
    }
    // 汽车之家's second video of the day: the latest after-sales episode (a showroom tour before the first).
    lastService ??= piece(
      "episode",
      "展厅巡礼：年终特惠车型一览",
      copy,
      "展厅巡礼。60 秒短视频脚本。",
      at(d.ymd, "15:00"),
      d.month,
      "车型讲解",
    );
    slots.push({
      piece: lastService,
      channel: "autohome",
      at: at(d.ymd, "15:00"),
      caption: `${lastService.title.slice(0, 30)}\n#原厂零件`,
    });

    // 朋友圈: two posters a day, 08:30 and 17:30; the morning one also goes to 小红书 every other day.
    for (const [k, time] of (["08:30", "17:30"] as const).entries()) {
      const name = POSTERS[(n * 2 + k) % POSTERS.length];
      const poster = piece(
        "poster",
        `${name}｜${d.ymd.slice(5).replace("-", "月")}日`,
        k ? copy : copy2,
        `${name}海报文案。`,
        at(d.ymd, time),
        d.month,
      );
      slots.push({
        piece: poster,
        channel: "wechat-moments",
        at: at(d.ymd, time),
        caption: `${name}，详情咨询您的专属顾问。`,
      });
      if (k === 0 && n % 2 === 1)
        slots.push({
          piece: poster,
          channel: "xiaohongshu",
          at: at(d.ymd, "21:00"),
          caption: `${name.slice(0, 20)}\n#4S店福利 #用车`,
        });
    }

    // 汽车之家 smart showroom: ten HD photos a day, 09:00 to 13:30, every half hour.
    for (let k = 0; k < 10; k++) {
      const photoModel = MODELS[(n + k) % MODELS.length];
      const angle = ANGLES[(n * 3 + k) % ANGLES.length];
      const photo = piece(
        "poster",
        `${photoModel} ${angle}（高清实拍）`,
        copy2,
        `智慧展厅实拍：${photoModel}，${angle}。`,
        at(d.ymd, `${String(9 + Math.floor(k / 2)).padStart(2, "0")}:${k % 2 ? "30" : "00"}`),
        d.month,
      );
      slots.push({ piece: photo, channel: "autohome", at: photo.firstAt, caption: `${photoModel} ${angle}` });
    }

    // 微信公众号: one article a day at 20:30.
    const topic = ARTICLES[n % ARTICLES.length];
    const article = piece(
      "article",
      `${topic}（${d.ymd.slice(5).replace("-", "月")}日）`,
      n % 2 ? copy : copy2,
      `${topic}。正文约 1,500 字。`,
      at(d.ymd, "20:30"),
      d.month,
    );
    slots.push({
      piece: article,
      channel: "wechat-official",
      at: at(d.ymd, "20:30"),
      caption: `${topic}：一篇讲清楚。`,
    });

    // 易车: four long articles a month, on the 5th, 12th, 19th and 26th at 10:00.
    if ([5, 12, 19, 26].includes(d.dayOfMonth)) {
      const long = piece(
        "article",
        `车主证言：${STORIES[d.dayOfMonth % STORIES.length]}的十万公里`,
        copy,
        "2,000 字长文，含三位车主证言。",
        at(d.ymd, "10:00"),
        d.month,
      );
      slots.push({
        piece: long,
        channel: "yiche",
        at: at(d.ymd, "10:00"),
        caption: "三位车主的真实用车账本。",
      });
    }
  }

  // Hundreds of pieces: written in bulk, each with the revision and the workflow steps it would
  // have (submitted, approved, scheduled, published), and one audit entry for the whole demo.
  const firstSlot = new Map<number, Date>();
  const published = new Set<number>();
  for (const s of slots) {
    const prev = firstSlot.get(s.piece.id);
    if (!prev || s.at < prev) firstSlot.set(s.piece.id, s.at);
    if (s.at < now) published.add(s.piece.id);
  }
  const DAY = 86_400_000;
  db.transaction((tx) => {
    const realIds = new Map<number, number>();
    for (const batch of chunks(pieces, 400)) {
      const rows = tx
        .insert(schema.pieces)
        .values(
          batch.map((p) => {
            const first = firstSlot.get(p.id) ?? p.firstAt;
            // Written well before their first slot, approved a day later.
            const createdAt = new Date(Math.min(first.getTime(), now.getTime()) - 3 * DAY);
            return {
              kind: p.kind,
              title: p.title,
              body: p.body,
              status: published.has(p.id) ? "published" : "scheduled",
              ownerId: p.owner.id,
              campaignId: campaignIds.get(p.month) ?? null,
              mixCategory: p.mix ?? null,
              slug: newPieceSlug(p.kind),
              version: 1,
              scheduledAt: first,
              publishedAt: published.has(p.id) ? first : null,
              createdAt,
              updatedAt: createdAt,
            };
          }),
        )
        .returning({ id: schema.pieces.id })
        .all();
      batch.forEach((p, i) => realIds.set(p.id, rows[i].id));
    }
    for (const batch of chunks(pieces, 400)) {
      tx.insert(schema.pieceRevisions)
        .values(
          batch.map((p) => ({
            pieceId: realIds.get(p.id)!,
            version: 1,
            title: p.title,
            body: p.body,
            authorId: p.owner.id,
            createdAt: new Date(
              Math.min((firstSlot.get(p.id) ?? p.firstAt).getTime(), now.getTime()) - 3 * DAY,
            ),
          })),
        )
        .run();
    }
    const steps = pieces.flatMap((p) => {
      const first = firstSlot.get(p.id) ?? p.firstAt;
      const written = Math.min(first.getTime(), now.getTime()) - 3 * DAY;
      const pieceId = realIds.get(p.id)!;
      const step = (fromStatus: string, toStatus: string, action: string, actorId: number, at: number) => ({
        pieceId,
        fromStatus,
        toStatus,
        action,
        note: null,
        actorId,
        at: new Date(at),
      });
      return [
        step("draft", "in_review", "submit", p.owner.id, written + 3_600_000),
        step("in_review", "approved", "approve", editor.id, written + DAY),
        step("approved", "scheduled", "schedule", editor.id, written + DAY + 600_000),
        ...(published.has(p.id)
          ? [step("scheduled", "published", "publish", editor.id, first.getTime())]
          : []),
      ];
    });
    for (const batch of chunks(steps, 1000)) tx.insert(schema.pieceTransitions).values(batch).run();
    const slotCount = insertDemoSlots(tx, {
      slots,
      realIds,
      channelIds,
      now,
      today,
      todayIndex,
      days,
      tz,
      editor,
    });
    recordAudit(tx, {
      actor: { id: null, label: "system" },
      action: "calendar.demo_seed",
      entity: "calendar",
      after: {
        pieces: pieces.length,
        slots: slotCount,
        from: firstDay.toISOString(),
        to: monthAfterNext.toISOString(),
      },
      at: now,
    });
  });

  // Approved short videos waiting for a slot: the side list to drag from.
  const waiting = [
    { title: "一分钟看懂凯美瑞双擎：省油的秘密", mix: "车型讲解" },
    { title: "雨季涉水后一定要做的三项检查", mix: "用车技巧" },
    { title: "车主故事：陪跑马拉松的补给车", mix: "车主故事" },
    { title: "轮胎鼓包还能开吗", mix: "用车技巧" },
  ];
  const month = Number(today.slice(5, 7));
  db.transaction((tx) => {
    for (const w of waiting) {
      const id = insertPiece(tx, {
        actor: copy,
        input: {
          kind: "episode",
          title: w.title,
          body: `${w.title}。60 秒短视频脚本。`,
          mixCategory: w.mix as "车型讲解",
          campaignId: campaignIds.get(month),
        },
        now,
      });
      for (const action of ["submit", "approve"])
        transitionPiece({ db, actor: action === "submit" ? copy : editor, pieceId: id, action, now });
    }
  });
}

function insertDemoSlots(
  tx: DbOrTx,
  options: {
    slots: Array<{ piece: DemoPiece; channel: string; at: Date; caption: string }>;
    realIds: Map<number, number>;
    channelIds: Map<string, number>;
    now: Date;
    today: string;
    todayIndex: number;
    days: Array<{ ymd: string }>;
    tz: string;
    editor: Actor;
  },
): number {
  const { slots, realIds, channelIds, now, tz, editor } = options;
  const HOUR = 3_600_000;
  type Attempt = { outcome: string; at: Date; detail: string | null; publisher?: string };
  const rows: Array<typeof schema.slots.$inferInsert & { attempts: Attempt[] }> = [];
  const add = (
    s: { pieceId: number; channel: string; at: Date; caption: string },
    status: string,
    attempts: Attempt[],
    live?: { url: string; at: Date },
  ) =>
    rows.push({
      pieceId: s.pieceId,
      channelId: channelIds.get(s.channel)!,
      publishAt: s.at,
      caption: s.caption,
      status,
      liveUrl: live?.url ?? null,
      publishedAt: live?.at ?? null,
      idempotencyKey: crypto.randomUUID(),
      version: 1,
      createdBy: editor.id,
      createdAt: now,
      updatedAt: now,
      attempts,
    });

  // The hand-off due today: today's main-account video, moved to half an hour ago (earlier or
  // later in the day), so the operator's home page has a task that is due and not yet past its
  // grace period whatever time of day the studio is first started.
  const ymd = (d: Date) => formatInstant(d, tz, "YYYY-MM-DD");
  const task = slots.find((s) => s.channel === "douyin-main" && ymd(s.at) === options.today);
  if (task) task.at = new Date(now.getTime() - 30 * 60_000);
  // Yesterday's official-account article nobody marked published: missed.
  const yesterday = options.days[options.todayIndex - 1]?.ymd;
  const missed = slots.find((s) => s.channel === "wechat-official" && ymd(s.at) === yesterday);

  let serial = 7_300_000_000;
  for (const s of slots) {
    const slot = { ...s, pieceId: realIds.get(s.piece.id)! };
    if (s === task) add(slot, "queued", [{ outcome: "handed_off", at: s.at, detail: null }]);
    else if (s === missed)
      add(slot, "missed", [
        { outcome: "handed_off", at: s.at, detail: null },
        { outcome: "missed", at: new Date(s.at.getTime() + 3 * HOUR), detail: "宽限期内没有人标记已发布" },
      ]);
    else if (s.at < now) {
      const url = liveUrlFor(s.channel, serial++);
      add(slot, "published", [{ outcome: "published", at: s.at, detail: url }], {
        url,
        at: new Date(s.at.getTime() + 4 * 60_000),
      });
    } else add(slot, "planned", []);
  }

  // The mini-program's webhook answered nothing two hours ago: unconfirmed, for the editor to decide.
  const poster = slots.find((s) => s.piece.kind === "poster" && s.at < now && s !== task && s !== missed);
  if (poster)
    add(
      {
        pieceId: realIds.get(poster.piece.id)!,
        channel: "miniprogram",
        at: new Date(now.getTime() - 2 * HOUR),
        caption: "本周到店礼，小程序一键预约。",
      },
      "unconfirmed",
      [
        {
          outcome: "unconfirmed",
          at: new Date(now.getTime() - 2 * HOUR),
          detail: "请求已发出，30 秒内没有收到应答（连接超时）",
          publisher: "webhook",
        },
      ],
    );

  const attempts: Array<typeof schema.publishAttempts.$inferInsert> = [];
  for (const batch of chunks(rows, 500)) {
    const ids = tx
      .insert(schema.slots)
      .values(batch.map(({ attempts: _a, ...row }) => row))
      .returning({ id: schema.slots.id })
      .all();
    batch.forEach((row, i) => {
      for (const a of row.attempts)
        attempts.push({
          slotId: ids[i].id,
          publisher: a.publisher ?? "manual",
          outcome: a.outcome,
          httpStatus: null,
          detail: a.detail,
          startedAt: a.at,
          finishedAt: new Date(a.at.getTime() + 5 * 60_000),
        });
    });
  }
  for (const batch of chunks(attempts, 1000)) tx.insert(schema.publishAttempts).values(batch).run();
  return rows.length;
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function liveUrlFor(channel: string, serial: number): string {
  switch (channel) {
    case "douyin-main":
    case "douyin-service":
      return `https://www.douyin.com/video/${serial}`;
    case "kuaishou":
      return `https://www.kuaishou.com/short-video/${serial.toString(36)}`;
    case "wechat-channels":
      return `https://channels.weixin.qq.com/web/pages/feed?id=${serial}`;
    case "wechat-official":
      return `https://mp.weixin.qq.com/s/${serial.toString(36)}`;
    case "xiaohongshu":
      return `https://www.xiaohongshu.com/explore/${serial.toString(16)}`;
    case "autohome":
      return `https://www.autohome.com.cn/showroom/${serial}`;
    case "yiche":
      return `https://news.yiche.com/${serial}.html`;
    default:
      return `https://moments.example.com/${serial}`;
  }
}
