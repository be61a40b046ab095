import { eq } from "drizzle-orm";
import type { Db } from "../app/lib/db.server";
import type { Actor } from "../app/modules/auth/actor";
import { inviteUser } from "../app/modules/auth/invite-user.server";
import type { Role } from "../app/modules/auth/permissions";
import { seedTermLibrary } from "../app/modules/compliance/terms/seed-term-library.server";
import { indexSubmittedPieces } from "../app/modules/compliance/originality/index-submitted-pieces.server";
import { ensureDefaultAliases } from "../app/modules/metrics-import/ensure-default-aliases.server";
import { insertPiece } from "../app/modules/pieces/create-piece.server";
import { transitionPiece } from "../app/modules/pieces/transition-piece.server";
import * as schema from "./schema";
import { SEED_TERMS } from "./seed-content/terms";
import { seedArticlesDemo } from "./seed-articles";
import { seedCalendarDemo } from "./seed-calendar";
import { seedEbooksDemo } from "./seed-ebooks";
import { seedPostersDemo } from "./seed-posters";
import { seedLivestreamDemo } from "./seed-livestream";
import { seedMediaDemo } from "./seed-media";
import { seedMetricsDemo } from "./seed-metrics";
import { seedTrackingDemo } from "./seed-tracking";

/** Demo accounts, one per role; their passwords are documented in the README (demo seed only). */
export const DEMO_USERS: Array<{ email: string; name: string; roles: Role[]; password: string }> = [
  { email: "editor@studio.local", name: "王编辑", roles: ["editor"], password: "demo-editor-2026" },
  { email: "copy@studio.local", name: "李文案", roles: ["copywriter"], password: "demo-copy-2026" },
  { email: "copy2@studio.local", name: "赵文案", roles: ["copywriter"], password: "demo-copy2-2026" },
  { email: "host@studio.local", name: "陈主播", roles: ["host"], password: "demo-host-2026" },
  { email: "producer@studio.local", name: "周场控", roles: ["producer"], password: "demo-producer-2026" },
  { email: "analyst@studio.local", name: "孙数据", roles: ["analyst"], password: "demo-analyst-2026" },
];

export const CAMPAIGNS: Array<{ month: number; name: string; theme: string; target: string }> = [
  { month: 1, name: "新年焕新季", theme: "开年88项免费检测 + 原厂养护套餐预售", target: "售后产值 260 万元" },
  {
    month: 2,
    name: "元宵团圆乐",
    theme: "猜灯谜赢保养（到店灯谜 + 抖音直播猜谜）",
    target: "线索 1,200 条，订单 90 台",
  },
  { month: 3, name: "女神节专场", theme: "“她力量”女性车主课堂", target: "女性客户订单占比提升 5 个百分点" },
  {
    month: 4,
    name: "踏青置换月",
    theme: "旧车变新车，补贴至高3万",
    target: "置换订单 160 台，收购二手车 220 台",
  },
  { month: 5, name: "五一自驾节", theme: "48小时深度试驾", target: "试驾率 55%，订单 120 台" },
  {
    month: 6,
    name: "年中粉丝日",
    theme: "616厂价直销夜（直播 + 夜市）",
    target: "订单 200 台，直播观看 30 万",
  },
  { month: 7, name: "亲子安全营", theme: "“小小驾驶员”交通安全体验", target: "家长到店率 ≥ 80%" },
  { month: 8, name: "奥运激情月", theme: "“金牌车主运动会”", target: "到店 1,500 人次" },
  { month: 9, name: "教师感恩季", theme: "凭教师证享终身免费基础保养", target: "线索 800 条，订单 100 台" },
  {
    month: 10,
    name: "国庆巅峰惠",
    theme: "“七天七夜团购夜”（每天一款特价车，抖音直播 + 社群）",
    target: "订单 300 台",
  },
  {
    month: 11,
    name: "双11盲盒节",
    theme: "“1元抢1111元养车盲盒”（天猫 + 小程序）",
    target: "售后套餐 1,200 份",
  },
  { month: 12, name: "年终收官战", theme: "“保价冲量，买贵补差”", target: "订单 350 台" },
];

export const CHANNELS: Array<{
  key: string;
  name: string;
  postsPerWeek: number | null;
  cadenceNote: string | null;
}> = [
  { key: "douyin-main", name: "抖音主号", postsPerWeek: 7, cadenceNote: "每天 1 条" },
  { key: "douyin-service", name: "抖音售后副号", postsPerWeek: 3, cadenceNote: "每周 3 条" },
  { key: "kuaishou", name: "快手", postsPerWeek: null, cadenceNote: null },
  { key: "wechat-channels", name: "微信视频号", postsPerWeek: null, cadenceNote: null },
  { key: "wechat-official", name: "微信公众号", postsPerWeek: null, cadenceNote: null },
  { key: "wechat-moments", name: "朋友圈", postsPerWeek: 14, cadenceNote: "海报每天 2 张" },
  {
    key: "xiaohongshu",
    name: "小红书",
    postsPerWeek: null,
    cadenceNote: "合作笔记 200 篇，每篇阅读 ≥ 5,000、收藏 ≥ 200",
  },
  { key: "autohome", name: "汽车之家", postsPerWeek: 14, cadenceNote: "每天高清图 10 张 + 短视频 2 条" },
  { key: "yiche", name: "易车", postsPerWeek: 1, cadenceNote: "每月 4 篇 2,000 字长文（含车主证言）" },
  { key: "miniprogram", name: "小程序", postsPerWeek: null, cadenceNote: null },
];

export const COLUMNS = [
  {
    slug: "one-minute-car",
    name: "一分钟识车",
    description: "每集 60 秒讲透一款车型的卖点。",
    episodeTarget: 30,
    durationSeconds: 60,
    outroLine: "到店报暗号“秒懂”送原厂雨伞",
    viewsTargetPerEpisode: null,
    channelKey: "douyin-main",
    mixCategory: "车型讲解",
    primaryColor: "#1f4e9c",
    accentColor: "#f5b400",
  },
  {
    slug: "late-night-garage",
    name: "深夜修车铺",
    description: "夜班技师实拍真实维修案例，传递原厂零件的信任。",
    episodeTarget: 20,
    durationSeconds: 60,
    outroLine: "原厂零件，夜里也靠得住",
    viewsTargetPerEpisode: 300_000,
    channelKey: "douyin-service",
    mixCategory: "用车技巧",
    primaryColor: "#111827",
    accentColor: "#f97316",
  },
] as const;

const DEMO_SEED_KEY = "demo_seed_version";

/**
 * Capability seeders, each run once under its own marker, so an installation seeded before a
 * capability existed still gets that capability's demo data.
 */
const CAPABILITY_SEEDS = [
  // The sensitive-term library as version 1; a studio whose library has a version keeps it.
  {
    key: "demo_seed:terms",
    run: ({ db, now }: { db: Db; now: Date }) => seedTermLibrary({ db, now, terms: SEED_TERMS }),
  },
  { key: "demo_seed:media", run: seedMediaDemo },
  { key: "demo_seed:livestream", run: seedLivestreamDemo },
  { key: "demo_seed:ebooks", run: seedEbooksDemo },
  { key: "demo_seed:calendar", run: seedCalendarDemo },
  // After the calendar: 易车 gets its long-form rules, then the two demo articles.
  { key: "demo_seed:articles", run: seedArticlesDemo },
  // The brand kit and a poster per template, queued for rendering at first start.
  { key: "demo_seed:posters", run: seedPostersDemo },
  // After the calendar: yesterday's 抖音主号 export, imported through the studio's own import.
  { key: "demo_seed:metrics", run: seedMetricsDemo },
  // Three months of landing-page events and leads for the published demo pieces.
  { key: "demo_seed:tracking", run: seedTrackingDemo },
  // After every seed that makes pieces: the originality index holds the submitted ones.
  { key: "demo_seed:originality", run: indexSubmittedPieces },
];

function demoUsers(db: Db): Map<string, Actor> {
  const users = new Map<string, Actor>();
  for (const u of DEMO_USERS) {
    const row = db.select().from(schema.users).where(eq(schema.users.email, u.email)).get();
    if (row) users.set(u.email, { id: row.id, email: row.email, name: row.name, roles: u.roles });
  }
  return users;
}

/**
 * Fills an empty studio with the year plan's campaigns, channels, columns, one user per role
 * and a dozen pieces across kinds and statuses. Runs once: a second start seeds nothing twice.
 */
export async function seedDemoData(options: {
  db: Db;
  now: Date;
  dataDir: string;
  year?: number;
}): Promise<{ seeded: boolean }> {
  const { db, now } = options;
  const done = (key: string) =>
    Boolean(db.select().from(schema.appMeta).where(eq(schema.appMeta.key, key)).get());
  // Not demo data: every studio reads platform exports through the default column aliases.
  ensureDefaultAliases({ db, now });
  let seeded = false;
  if (!done(DEMO_SEED_KEY)) {
    await seedFoundation(options);
    seeded = true;
  }
  for (const seed of CAPABILITY_SEEDS) {
    if (done(seed.key)) continue;
    await seed.run({ db, now, dataDir: options.dataDir, users: demoUsers(db) });
    db.insert(schema.appMeta).values({ key: seed.key, value: "1", updatedAt: now }).run();
    seeded = true;
  }
  return { seeded };
}

async function seedFoundation(options: { db: Db; now: Date; year?: number }): Promise<void> {
  const { db, now } = options;
  const year = options.year ?? now.getUTCFullYear();

  db.transaction((tx) => {
    for (const c of CAMPAIGNS)
      tx.insert(schema.campaigns)
        .values({ year, ...c })
        .run();
    for (const c of CHANNELS) tx.insert(schema.channels).values(c).run();
    for (const { channelKey, ...column } of COLUMNS) {
      const channel = tx
        .select({ id: schema.channels.id })
        .from(schema.channels)
        .where(eq(schema.channels.key, channelKey))
        .get();
      tx.insert(schema.columns)
        .values({ ...column, defaultChannelId: channel?.id ?? null })
        .run();
    }
  });

  const users = new Map<string, Actor>();
  for (const u of DEMO_USERS) {
    let userId = db.select().from(schema.users).where(eq(schema.users.email, u.email)).get()?.id;
    if (!userId) {
      const invited = await inviteUser({
        db,
        actor: null,
        email: u.email,
        name: u.name,
        roles: u.roles,
        password: u.password,
        mustChangePassword: false,
        now,
      });
      if (!invited.ok) throw new Error(`demo user ${u.email}: ${invited.message}`);
      userId = invited.userId;
    }
    users.set(u.email, { id: userId, email: u.email, name: u.name, roles: u.roles });
  }
  const editor = users.get("editor@studio.local")!;
  const copy = users.get("copy@studio.local")!;
  const copy2 = users.get("copy2@studio.local")!;

  const campaignId = (month: number) =>
    db
      .select({ id: schema.campaigns.id })
      .from(schema.campaigns)
      .where(eq(schema.campaigns.month, month))
      .get()?.id;
  const columnId = (slug: string) =>
    db.select({ id: schema.columns.id }).from(schema.columns).where(eq(schema.columns.slug, slug)).get()?.id;
  const month = now.getUTCMonth() + 1;

  const demoPieces: Array<{
    owner: Actor;
    kind: "episode" | "poster" | "article" | "ebook" | "handbook" | "livestream";
    title: string;
    body: string;
    column?: string;
    mix?: "车型讲解" | "用车技巧" | "车主故事";
    walk: string[];
    dueInDays?: number;
  }> = [
    {
      owner: copy,
      kind: "episode",
      column: "one-minute-car",
      mix: "车型讲解",
      title: "一分钟识车 第1集：SUV 的四驱到底怎么选",
      body: "开场：很多人买 SUV 只看外观……\n卖点一：适时四驱在雨雪路面的表现\n卖点二：油耗与保养成本\n结尾：到店报暗号“秒懂”送原厂雨伞",
      walk: ["submit", "approve", "publish"],
    },
    {
      owner: copy,
      kind: "episode",
      column: "one-minute-car",
      mix: "车型讲解",
      title: "一分钟识车 第2集：混动车型的电池质保",
      body: "电池质保年限、衰减标准、到店检测流程。",
      walk: ["submit", "approve"],
    },
    {
      owner: copy2,
      kind: "episode",
      column: "one-minute-car",
      mix: "车型讲解",
      title: "一分钟识车 第3集：家用轿车的后排空间",
      body: "用一把卷尺量出后排腿部空间。",
      walk: ["submit"],
      dueInDays: 2,
    },
    {
      owner: copy2,
      kind: "episode",
      column: "late-night-garage",
      mix: "用车技巧",
      title: "深夜修车铺 第1集：凌晨两点的刹车异响",
      body: "夜班技师老张拆开刹车卡钳，原厂刹车片与副厂件的差别一目了然。",
      walk: ["submit", "approve", "publish"],
    },
    {
      owner: copy,
      kind: "episode",
      column: "late-night-garage",
      mix: "车主故事",
      title: "深夜修车铺 第2集：暴雨后涉水的发动机",
      body: "一位车主深夜拖车进店，技师讲解涉水后的正确处理。",
      walk: [],
      dueInDays: 5,
    },
    {
      owner: copy,
      kind: "poster",
      title: "元宵猜灯谜赢保养 海报",
      body: "主标题：猜灯谜 赢保养\n副标题：正月十五到店参与，答对即送基础保养一次",
      walk: ["submit", "reject"],
    },
    {
      owner: copy2,
      kind: "poster",
      title: "女神节“她力量”课堂 报名海报",
      body: "3 月 8 日 14:00 女性车主课堂：安全驾驶与简易保养。",
      walk: ["submit", "approve"],
    },
    {
      owner: copy,
      kind: "article",
      title: "易车长文：三位车主的十万公里保养账本",
      body: "车主证言一：……\n车主证言二：……\n车主证言三：……",
      walk: ["submit"],
      dueInDays: 1,
    },
    {
      owner: copy2,
      kind: "article",
      title: "公众号：雨季用车十问十答",
      body: "一问：雨刮多久换一次？……",
      walk: [],
    },
    {
      owner: copy,
      kind: "ebook",
      title: "老司机秘籍",
      body: "雨季、高原、长途三大场景的驾驶秘籍，目标 96 页。",
      walk: [],
    },
    {
      owner: copy2,
      kind: "handbook",
      title: "女性车主安全手册",
      body: "经交警中队审核后印刷 5,000 册，投放合作场所。",
      walk: ["submit"],
    },
    {
      owner: editor,
      kind: "livestream",
      title: "616厂价直销夜 直播脚本",
      body: "5 款车型，每款痛点 30 秒 + 卖点 60 秒 + 福利 30 秒。",
      walk: [],
    },
  ];

  for (const p of demoPieces) {
    const pieceId = db.transaction((tx) =>
      insertPiece(tx, {
        actor: p.owner,
        input: {
          kind: p.kind,
          title: p.title,
          body: p.body,
          campaignId: campaignId(month),
          columnId: p.column ? columnId(p.column) : undefined,
          mixCategory: p.mix,
          dueAt: p.dueInDays ? new Date(now.getTime() + p.dueInDays * 86_400_000) : undefined,
        },
        now,
      }),
    );
    for (const action of p.walk) {
      const actor = action === "submit" ? p.owner : editor;
      if (action === "publish")
        transitionPiece({ db, actor, pieceId, action: "schedule", scheduledAt: now, now });
      transitionPiece({
        db,
        actor,
        pieceId,
        action,
        note: action === "reject" ? "主标题字号太小，请放大并加上活动日期。" : null,
        now,
      });
    }
  }

  db.insert(schema.appMeta).values({ key: DEMO_SEED_KEY, value: "1", updatedAt: now }).run();
}
