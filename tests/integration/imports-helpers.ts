import crypto from "node:crypto";
import { count, eq } from "drizzle-orm";
import iconv from "iconv-lite";
import { toCsv } from "~/lib/csv";
import { schema } from "~/lib/db.server";
import type { Studio } from "~/lib/studio.server";
import type { Actor } from "~/modules/auth/actor";
import { action as importsAction } from "~/routes/api.v1.imports";
import { ensureDefaultAliases } from "~/modules/metrics-import/ensure-default-aliases.server";
import { workflowPiece } from "../setup/pieces";
import { callRoute, signedInUser } from "../setup/test-studio";

/** 10:00 on Monday 2 March 2026 in Shanghai. */
export const NOW = new Date("2026-03-02T02:00:00Z");
export const AS_OF = "2026-03-01";

/** The export header as 抖音's creator centre writes it (a column the studio does not read included). */
export const DOUYIN_HEADER = [
  "作品名称",
  "发布时间",
  "视频链接",
  "播放量",
  "完播率",
  "平均播放时长",
  "点赞量",
  "评论量",
  "分享量",
  "体裁",
];

export function gbk(rows: string[][]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(iconv.encode(toCsv(rows), "gbk"));
}

export function utf8(rows: string[][], bom = false): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${bom ? "\uFEFF" : ""}${toCsv(rows)}`);
}

/**
 * A studio with the two Douyin channels and three published episodes, two of them with a live
 * link on 抖音主号: what an export's rows match by link, by id and by title.
 */
export async function importStudio(studio: Studio) {
  const now = studio.now();
  // As the first start does: the default aliases (and their audit entry) exist before any import.
  ensureDefaultAliases({ db: studio.db, now });
  const channelIds = new Map<string, number>();
  for (const [key, name] of [
    ["douyin-main", "抖音主号"],
    ["kuaishou", "快手"],
    ["xiaohongshu", "小红书"],
  ] as const) {
    const row = studio.db
      .insert(schema.channels)
      .values({ key, name, kinds: ["episode", "poster"] })
      .returning({ id: schema.channels.id })
      .get();
    channelIds.set(key, row.id);
  }
  const editor = await signedInUser(studio, ["editor"]);
  const copy = await signedInUser(studio, ["copywriter"]);
  const analyst = await signedInUser(studio, ["analyst"]);
  const piece = (title: string) =>
    workflowPiece(studio, {
      owner: copy.actor,
      editor: editor.actor,
      kind: "episode",
      title,
      body: `${title}。口播稿。`,
    });
  const pieces = {
    byLink: piece("一分钟看懂凯美瑞：三大卖点"),
    byId: piece("胎压灯亮了先别慌"),
    byTitle: piece("车主故事：第一次买车的应届生"),
    spare: piece("深夜修车铺：刹车异响"),
  };
  const slot = (pieceId: number, liveUrl: string | null) =>
    studio.db
      .insert(schema.slots)
      .values({
        pieceId,
        channelId: channelIds.get("douyin-main")!,
        publishAt: new Date(now.getTime() - 3 * 86_400_000),
        status: liveUrl ? "published" : "planned",
        liveUrl,
        publishedAt: liveUrl ? new Date(now.getTime() - 3 * 86_400_000) : null,
        idempotencyKey: crypto.randomUUID(),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: schema.slots.id })
      .get().id;
  const slots = {
    byLink: slot(pieces.byLink.id, "https://www.douyin.com/video/7300000000000000001"),
    byId: slot(pieces.byId.id, "https://www.douyin.com/video/7300000000000000002"),
  };
  return { editor, copy, analyst, pieces, slots, channelIds };
}

/** A good export: one row matched by link (with share parameters), one by id only, one by title. */
export function goodRows(plays: [string, string, string] = ["1.2万", "3,456", "12.3w"]): string[][] {
  return [
    ["数据更新时间：2026-03-01 23:59"],
    // The creator centre's header with the video id column it adds after the link.
    [...DOUYIN_HEADER.slice(0, 3), "视频ID", ...DOUYIN_HEADER.slice(3)],
    [
      "凯美瑞三大卖点（平台上改过的标题）",
      "2026-02-27 19:00",
      "https://www.douyin.com/video/7300000000000000001/?previous_page=app_code_link",
      "",
      plays[0],
      "23.5%",
      "00:00:23",
      "1,024",
      "56",
      "12",
      "视频",
    ],
    [
      "胎压灯亮了先别慌（平台标题）",
      "2026/02/27 19:00",
      "",
      "7300000000000000002",
      plays[1],
      "0.31",
      "18秒",
      "88",
      "3",
      "1",
      "视频",
    ],
    [
      "车主故事：第一次买车的应届生",
      "2026年2月27日 19:00",
      "",
      "",
      plays[2],
      "41",
      "1分05秒",
      "1.1k",
      "-",
      "",
      "视频",
    ],
  ];
}

/** POST /api/v1/imports with a raw CSV body (or multipart when `body` is FormData). */
export function postImport(
  auth: Record<string, string>,
  body: BodyInit,
  query: Record<string, string | string[]> = {},
  options: { type?: string | null } = {},
) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ platform: "douyin-main", asOf: AS_OF, ...query }))
    for (const item of [v].flat()) params.append(k, item);
  return callRoute(
    importsAction,
    new Request(`http://localhost/api/v1/imports?${params}`, {
      method: "POST",
      body,
      headers: {
        ...(options.type === null ? {} : { "Content-Type": options.type ?? "text/csv" }),
        ...auth,
      },
    }),
  );
}

/** Everything a refused import must leave as it was. */
export function importSnapshot(studio: Studio) {
  const n = (table: typeof schema.metricImports | typeof schema.platformMetrics | typeof schema.auditLog) =>
    studio.db.select({ n: count() }).from(table).get()!.n;
  return { imports: n(schema.metricImports), figures: n(schema.platformMetrics), audit: n(schema.auditLog) };
}

export function auditActions(studio: Studio, prefix: string) {
  return studio.db
    .select({ action: schema.auditLog.action })
    .from(schema.auditLog)
    .all()
    .map((r) => r.action)
    .filter((a) => a.startsWith(prefix));
}

export function importRow(studio: Studio, id: number) {
  return studio.db.select().from(schema.metricImports).where(eq(schema.metricImports.id, id)).get();
}

export type Signed = { actor: Actor; cookie: string };
